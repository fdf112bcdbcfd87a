// Builds what the shell's freshness slot and the Settings sync card show from the sync engine's status
// (last success, errors, backfill, budget) and the mirror's enrichment coverage that it includes.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { getSyncStatus, type OptionalJobStatus, type SyncStatus } from "@/lib/sync";
import type { FreshnessView, OptionalJobView } from "./schemas";

export function toFreshnessView(s: SyncStatus, readAt: Date = new Date()): FreshnessView {
  const b = s.backfill;
  const percent = b.done ? 100 : b.windowsTotal > 0 ? Math.min(100, (100 * b.windowsDone) / b.windowsTotal) : 0;
  const { paidSales, settlementKnown } = s.enrichment;
  return {
    readAt: readAt.toISOString(),
    lastSuccessAt: s.lastSuccessAt,
    stale: s.stale,
    // A refused key needs the merchant; anything else (down, 429, malformed) the sync retries by itself.
    staleReason: s.stale ? (s.lastError?.kind === "unauthorized" ? "auth" : "upstream") : null,
    backfill: { done: b.done, percent, windowsDone: b.windowsDone, windowsTotal: b.windowsTotal, salesSeen: b.salesSeen, etaSeconds: b.done ? null : b.etaSeconds },
    settlementCoveragePercent: paidSales > 0 ? (100 * settlementKnown) / paidSales : null,
    budget: s.budget,
  };
}

export async function getFreshness(db: Kysely<Database>, now: number = Date.now()): Promise<FreshnessView> {
  return toFreshnessView(await getSyncStatus(db, now), new Date(now));
}

export type SettingsSyncView = {
  freshness: FreshnessView;
  lastError: { at: string | null; kind: string; message: string } | null;
  leaseHolder: string | null;
  optionalJobs: OptionalJobView[];
};

export function toOptionalJobView(j: OptionalJobStatus): OptionalJobView {
  return { job: j.job, state: j.state, at: j.state === "ok" ? j.lastSuccessAt : j.lastErrorAt, error: j.state === "failing" ? j.lastError : null };
}

/** Settings adds what only owners/admins see: the last error's text, which instance runs the sync, the optional jobs. */
export async function getSettingsSyncView(db: Kysely<Database>, now: number = Date.now()): Promise<SettingsSyncView> {
  const status = await getSyncStatus(db, now);
  return {
    freshness: toFreshnessView(status, new Date(now)),
    lastError: status.lastError ? { at: status.lastErrorAt, kind: status.lastError.kind, message: status.lastError.message } : null,
    leaseHolder: status.leaseHolder,
    optionalJobs: status.optionalJobs.map(toOptionalJobView),
  };
}
