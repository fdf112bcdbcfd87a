"use client";
// The one client-side reader of the sync status (query key ["sync","status"]), shared by the shell's
// freshness slot, its stale banner and the Settings sync card, so they always agree. One reader polls
// (the slot); the others pass `{ poll: false }` and follow the same cache entry without a timer of
// their own — each polling observer would add its own requests.
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import { queryKeys } from "@/lib/query/keys";
import type { FreshnessView } from "./schemas";

export function useFreshness(initial: FreshnessView | null, { poll = true }: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.syncStatus(),
    queryFn: () => apiFetch<{ freshness: FreshnessView }>("/api/sync/status").then((r) => r.freshness),
    initialData: initial ?? undefined,
    initialDataUpdatedAt: initial ? Date.parse(initial.readAt) : undefined,
    // Fast while the history fills in (the progress bar moves), relaxed afterwards.
    refetchInterval: poll ? (q) => (q.state.data && !q.state.data.backfill.done ? 2_000 : 15_000) : false,
    staleTime: poll ? 0 : Infinity,
  });
}
