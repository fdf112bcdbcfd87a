// What the shell's freshness slot shows, as plain data for the browser (no server-only: types only).
// Built on the server from the sync status and the mirror's enrichment coverage (get-freshness.ts).
import type { OptionalJobStatus } from "@/lib/sync/status"; // a type only: nothing server-side reaches the browser

export type FreshnessView = {
  /** When the server read this status (ISO): "synced 2 min ago" is measured from it. */
  readAt: string;
  /** Last time a sync job finished without error (ISO), null before the first one. */
  lastSuccessAt: string | null;
  /** The upstream is failing: pages keep serving the mirror, the shell shows a banner. */
  stale: boolean;
  /** Why, in a form the UI can translate: "auth" (key rejected) or "upstream" (unreachable, 5xx, 429…). */
  staleReason: "auth" | "upstream" | null;
  backfill: { done: boolean; percent: number; windowsDone: number; windowsTotal: number; salesSeen: number; etaSeconds: number | null };
  /** Share of completed/settled sales whose settlement is known (from the detail call or a Pulse). */
  settlementCoveragePercent: number | null;
  budget: { limit: number; remaining: number; resetAt: string | null } | null;
};

/** An optional sync job's row on Settings (the licences walk): "not available for this store" rather than an error. */
export type OptionalJobView = {
  job: OptionalJobStatus["job"];
  /** "not_available": the store has no such endpoint; "failing": another error since its last success. */
  state: OptionalJobStatus["state"];
  /** The last success for "ok", the last attempt for "not_available" and "failing". */
  at: string | null;
  error: { kind: string; message: string } | null;
};
