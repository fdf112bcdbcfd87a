"use client";
// The shell's live freshness slot: hydrated from the layout's server read, then polled under
// ["sync","status"] (useFreshness), with "update now" for owners/admins. The stale banner is a separate
// island below the top bar (which stays 56 px tall on a phone) that follows the same query without polling.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FreshnessIndicator, type SyncRequestState } from "@/components/layout/freshness-indicator";
import { StaleBanner } from "@/components/layout/stale-banner";
import type { FreshnessView } from "@/lib/freshness/schemas";
import { useFreshness } from "@/lib/freshness/use-freshness";
import { apiFetch } from "@/lib/http/api-client";
import { queryKeys } from "@/lib/query/keys";

/** `poll`: false in low-data mode (docs/offline.md): the status is the page's, re-read with it. */
type Props = { initial: FreshnessView | null; canSync: boolean; detailsHref?: string; poll?: boolean };

export function FreshnessClient({ initial, canSync, detailsHref, poll = true }: Props) {
  const queryClient = useQueryClient();
  const [syncState, setSyncState] = useState<SyncRequestState>("idle");
  const status = useFreshness(initial, { poll });
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
    <FreshnessIndicator view={view} now={now} detailsHref={detailsHref} canSync={canSync} syncState={syncState} onSyncNow={() => syncNow.mutate()} />
  );
}

export function StaleBannerClient({ initial }: { initial: FreshnessView | null }) {
  const view = useFreshness(initial, { poll: false }).data ?? null;
  if (!view?.stale || !view.staleReason) return null;
  return (
    <div className="mx-auto max-w-6xl px-4 pt-4 lg:px-8 print:hidden">
      <StaleBanner reason={view.staleReason} lastSuccessAt={view.lastSuccessAt} now={Date.parse(view.readAt)} />
    </div>
  );
}
