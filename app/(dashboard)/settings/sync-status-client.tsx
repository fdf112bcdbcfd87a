"use client";
// The Settings page's sync card, live: the same ["sync","status"] query as the shell's slot (one poll),
// plus the details only this page shows (last error text, lease holder, optional jobs), read on the server.
import { SyncStatusDetails } from "@/components/settings/sync-status-details";
import type { FreshnessView, OptionalJobView } from "@/lib/freshness/schemas";
import { useFreshness } from "@/lib/freshness/use-freshness";

type Props = {
  initial: FreshnessView;
  lastError: { at: string | null; kind: string; message: string } | null;
  leaseHolder: string | null;
  optionalJobs: OptionalJobView[];
};

export function SyncStatusClient({ initial, lastError, leaseHolder, optionalJobs }: Props) {
  const status = useFreshness(initial);
  const view = status.data ?? initial;
  return <SyncStatusDetails view={view} now={Date.parse(view.readAt)} lastError={lastError} leaseHolder={leaseHolder} optionalJobs={optionalJobs} />;
}
