"use client";
// The Settings page's live Pulse delivery log: the server renders the URL's page, this island keeps the
// first page fresh (polled every 5 s under ["pulses","log",{limit,offset}]) so a merchant testing their
// Pulse sees the delivery arrive. Later pages stay as read: rows would shift under the reader.
import { useQuery } from "@tanstack/react-query";
import { PulseLogTable } from "@/components/settings/pulse-log-table";
import { apiFetch } from "@/lib/http/api-client";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import type { PulseLogEntry, PulseLogSummary } from "@/lib/pulses/schemas";
import { queryKeys } from "@/lib/query/keys";

type PulseLog = { entries: PulseLogEntry[]; summary: PulseLogSummary };

type Props = {
  /** The server's read of `size + 1` entries from the page's first one (the extra one: a next page exists). */
  initial: PulseLog;
  page: { number: number; size: number };
  query: SearchParamsRecord;
  exportHref: string | null;
  /** Low-data mode (docs/offline.md): no polling of the first page. */
  lowData?: boolean;
};

export function PulseLogClient({ initial, page, query, exportHref, lowData = false }: Props) {
  const slice = { limit: page.size + 1, offset: (page.number - 1) * page.size };
  const log = useQuery({
    queryKey: queryKeys.pulseLog(slice),
    queryFn: () => apiFetch<PulseLog>(`/api/pulses/log?limit=${slice.limit}&offset=${slice.offset}`),
    initialData: initial,
    refetchInterval: page.number === 1 && !lowData ? 5_000 : false,
    staleTime: 0,
  });
  const { entries, summary } = log.data;
  return (
    <PulseLogTable
      entries={entries.slice(0, page.size)}
      summary={summary}
      now={Date.parse(summary.readAt)}
      url={{ pathname: "/settings", query }}
      page={{ number: page.number, size: page.size, hasMore: entries.length > page.size }}
      exportHref={exportHref}
    />
  );
}
