"use client";
// The Settings page's live sync facts: the same ["sync","status"] query as the shell's freshness slot
// (one poll, shared), hydrated from the server's read. The sync card shows what a merchant reads; the
// technical details (API budget…) are live too. The rest (last error, lease holder, optional jobs) is
// the server's read.
import { SyncStatusDetails, type SyncLastError } from "@/components/settings/sync-status-details";
import { TechnicalDetails } from "@/components/settings/technical-details";
import type { FreshnessView, OptionalJobView } from "@/lib/freshness/schemas";
import { useFreshness } from "@/lib/freshness/use-freshness";

function useLiveFreshness(initial: FreshnessView): FreshnessView {
  const status = useFreshness(initial);
  return status.data ?? initial;
}

export function SyncStatusClient({ initial, lastError }: { initial: FreshnessView; lastError: SyncLastError | null }) {
  const view = useLiveFreshness(initial);
  return <SyncStatusDetails view={view} now={Date.parse(view.readAt)} lastError={lastError} />;
}

type TechnicalProps = {
  initial: FreshnessView;
  apiHost: string;
  leaseHolder: string | null;
  optionalJobs: OptionalJobView[];
  lastError: SyncLastError | null;
  pulseSecretsFor: "all" | string[];
};

export function TechnicalDetailsClient({ initial, ...rest }: TechnicalProps) {
  const view = useLiveFreshness(initial);
  return <TechnicalDetails budget={view.budget} now={Date.parse(view.readAt)} {...rest} />;
}
