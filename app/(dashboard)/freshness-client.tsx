"use client";
// The shell's live freshness slot: hydrated from the layout's server read, then polled under
// ["sync","status"] (useFreshness), with "sync now" for
// owners/admins and the stale banner when the upstream fails.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FreshnessIndicator, type SyncRequestState } from "@/components/layout/freshness-indicator";
import { StaleBanner } from "@/components/layout/stale-banner";
import type { FreshnessView } from "@/lib/freshness/schemas";
import { useFreshness } from "@/lib/freshness/use-freshness";
import { apiFetch } from "@/lib/http/api-client";
import { queryKeys } from "@/lib/query/keys";

export function FreshnessClient({ initial, canSync }: { initial: FreshnessView | null; canSync: boolean }) {
  const queryClient = useQueryClient();
  const [syncState, setSyncState] = useState<SyncRequestState>("idle");
  const status = useFreshness(initial);
  const syncNow = useMutation({
    mutationFn: () => apiFetch("/api/sync/run", { method: "POST" }),
    onMutate: () => setSyncState("pending"),
    onSuccess: () => setSyncState("requested"),
    onError: () => setSyncState("failed"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus() }),
  });
  const view = status.data ?? null;
  const now = view ? Date.parse(view.readAt) : 0;
  return (
    <>
      <div className="mr-auto">
        <FreshnessIndicator view={view} now={now} canSync={canSync} syncState={syncState} onSyncNow={() => syncNow.mutate()} />
      </div>
      {view?.stale && view.staleReason ? (
        <div className="order-last basis-full">
          <StaleBanner reason={view.staleReason} lastSuccessAt={view.lastSuccessAt} now={now} />
        </div>
      ) : null}
    </>
  );
}
