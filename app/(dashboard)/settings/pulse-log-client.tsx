"use client";
// The Settings page's live Pulse delivery log: hydrated from the server, then polled every 5 s under
// ["pulses","log",{limit}] so a merchant testing their Pulse sees the delivery arrive.
import { useQuery } from "@tanstack/react-query";
import { PulseLogTable } from "@/components/settings/pulse-log-table";
import { apiFetch } from "@/lib/http/api-client";
import type { PulseLogEntry, PulseLogSummary } from "@/lib/pulses/schemas";
import { queryKeys } from "@/lib/query/keys";

type PulseLog = { entries: PulseLogEntry[]; summary: PulseLogSummary };

export function PulseLogClient({ initial, limit }: { initial: PulseLog; limit: number }) {
  const log = useQuery({
    queryKey: queryKeys.pulseLog(limit),
    queryFn: () => apiFetch<PulseLog>(`/api/pulses/log?limit=${limit}`),
    initialData: initial,
    refetchInterval: 5_000,
    staleTime: 0,
  });
  return <PulseLogTable entries={log.data.entries} summary={log.data.summary} now={Date.parse(log.data.summary.readAt)} />;
}
