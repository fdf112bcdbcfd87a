"use client";
// The one client-side reader of the sync status (query key ["sync","status"]), shared by the shell's
// freshness slot and the Settings sync card so they poll once and always agree.
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import { queryKeys } from "@/lib/query/keys";
import type { FreshnessView } from "./schemas";

export function useFreshness(initial: FreshnessView | null) {
  return useQuery({
    queryKey: queryKeys.syncStatus(),
    queryFn: () => apiFetch<{ freshness: FreshnessView }>("/api/sync/status").then((r) => r.freshness),
    initialData: initial ?? undefined,
    initialDataUpdatedAt: initial ? Date.parse(initial.readAt) : undefined,
    // Fast while the history fills in (the progress bar moves), relaxed afterwards.
    refetchInterval: (q) => (q.state.data && !q.state.data.backfill.done ? 2_000 : 15_000),
    staleTime: 0,
  });
}
