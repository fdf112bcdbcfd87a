// What the freshness UI and Settings read about the sync (getSyncStatus), and the "sync now" button's
// service (requestSyncNow). Reads only the database, so any instance can answer, not just the holder.
import "server-only";
import type { Kysely, Selectable } from "kysely";
import type { Actor } from "@/lib/audit";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import { enrichmentCoverage, type EnrichmentCoverage } from "@/lib/mirror";
import { loadBackfillState } from "./backfill";
import type { BackfillState } from "./backfill-state";
import { isCoreSyncJob, OPTIONAL_SYNC_JOBS, type OptionalSyncJob, type SyncErrorKind } from "./job-status";
import { readLease } from "./lease";

/** An optional job as Settings shows it: its own state, never part of `stale`. */
export interface OptionalJobStatus {
  job: OptionalSyncJob;
  /** "not_available": the store has no such endpoint (404/403/501); "failing": another error since its last success. */
  state: "never" | "ok" | "failing" | "not_available";
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: { kind: SyncErrorKind; message: string } | null;
}

export interface SyncStatus {
  /** The latest success of a core job (the sales list and details, CORE_SYNC_JOBS). */
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: { kind: SyncErrorKind; message: string } | null;
  /**
   * Chariow is failing the core jobs (errors since their last success) or none succeeded for a long time.
   * Optional jobs (licences) never count: a store without /licenses is healthy while its sales sync works.
   */
  stale: boolean;
  optionalJobs: OptionalJobStatus[];
  backfill: { done: boolean; started: boolean; windowsDone: number; windowsTotal: number; salesSeen: number; etaSeconds: number | null };
  enrichment: EnrichmentCoverage;
  budget: { limit: number; remaining: number; resetAt: string | null } | null;
  leaseHolder: string | null;
  syncRequestedAt: string | null;
}

/** No success for this long while the engine should run every minute means it is not running. */
const SILENT_STALE_MS = 15 * 60_000;

export function backfillEta(state: BackfillState, limitPerMinute: number): number | null {
  // Unknown until the earliest sale is found and one window has shown the store's density.
  if (state.phase !== "walk" || limitPerMinute <= 0 || state.windowsDone === 0) return null;
  const pagesPerWindow = state.pagesRead / (state.windowsDone + (state.current ? 1 : 0));
  let requests = Math.ceil((state.windowsTotal - state.windowsDone) * pagesPerWindow);
  for (const r of state.requeue) requests += r.checkpoint ? 1 : Math.ceil(pagesPerWindow);
  return Math.ceil((requests / limitPerMinute) * 60);
}

// Coverage counts every paid sale: cheap at 3,000, not at 1,000,000, and every open page polls the
// status. It moves slowly, so one count is shared for a few seconds per database handle.
const COVERAGE_TTL_MS = 10_000;
const coverageCache = new WeakMap<Kysely<Database>, { at: number; value: Promise<EnrichmentCoverage> }>();

function cachedCoverage(db: Kysely<Database>): Promise<EnrichmentCoverage> {
  const hit = coverageCache.get(db);
  if (hit && Date.now() - hit.at < COVERAGE_TTL_MS) return hit.value;
  const value = enrichmentCoverage(db);
  coverageCache.set(db, { at: Date.now(), value });
  value.catch(() => coverageCache.delete(db));
  return value;
}

export async function getSyncStatus(db: Kysely<Database>, now: number = Date.now()): Promise<SyncStatus> {
  const [rows, state, lease, budgetRow, enrichment] = await Promise.all([
    db.selectFrom("sync_status").selectAll().execute(),
    loadBackfillState({ db }),
    readLease(db),
    db.selectFrom("api_budget").selectAll().orderBy("updated_at", "desc").limit(1).executeTakeFirst(),
    cachedCoverage(db),
  ]);
  // Health is the core reads' alone (docs/sync.md, "Health").
  const jobs = rows.filter((r) => isCoreSyncJob(r.job));
  const latest = (pick: (r: (typeof rows)[number]) => string | null) =>
    jobs.map(pick).filter((v): v is string => v !== null).sort().at(-1) ?? null;
  const lastSuccessAt = latest((r) => r.last_success_at);
  const lastErrorAt = latest((r) => r.last_error_at);
  const errorRow = lastErrorAt ? jobs.find((r) => r.last_error_at === lastErrorAt) : undefined;
  const failing = lastErrorAt !== null && (lastSuccessAt === null || lastErrorAt > lastSuccessAt);
  const silent = lastSuccessAt !== null && now - Date.parse(lastSuccessAt) > SILENT_STALE_MS;
  const limit = budgetRow ? Number(budgetRow.limit_per_window) : 10;
  const leaseLive = lease && lease.holder && lease.expiresAt > now ? lease.holder : null;
  return {
    lastSuccessAt,
    lastErrorAt,
    lastError: failing && errorRow ? { kind: (errorRow.last_error_kind ?? "internal") as SyncErrorKind, message: errorRow.last_error_message ?? "" } : null,
    stale: failing || silent,
    optionalJobs: OPTIONAL_SYNC_JOBS.map((job) => optionalJobStatus(job, rows.find((r) => r.job === job))),
    backfill: {
      done: state?.phase === "done" && state.requeue.length === 0,
      started: state !== null,
      windowsDone: state?.windowsDone ?? 0,
      windowsTotal: state?.windowsTotal ?? 0,
      salesSeen: state?.salesSeen ?? 0,
      etaSeconds: state ? backfillEta(state, limit) : null,
    },
    enrichment,
    budget: budgetRow
      ? {
          limit,
          remaining: Math.max(0, Number(budgetRow.remaining)),
          resetAt: budgetRow.reset_at === null ? null : new Date(Number(budgetRow.reset_at)).toISOString(),
        }
      : null,
    leaseHolder: leaseLive,
    syncRequestedAt: rows.find((r) => r.job === "engine")?.requested_at ?? null,
  };
}

function optionalJobStatus(job: OptionalSyncJob, row: Selectable<Database["sync_status"]> | undefined): OptionalJobStatus {
  const lastSuccessAt = row?.last_success_at ?? null;
  const lastErrorAt = row?.last_error_at ?? null;
  const failing = lastErrorAt !== null && (lastSuccessAt === null || lastErrorAt > lastSuccessAt);
  const kind = (row?.last_error_kind ?? "internal") as SyncErrorKind;
  return {
    job,
    state: failing ? (kind === "not_available" ? "not_available" : "failing") : lastSuccessAt !== null ? "ok" : "never",
    lastRunAt: row?.last_run_at ?? null,
    lastSuccessAt,
    lastErrorAt,
    lastError: failing ? { kind, message: row?.last_error_message ?? "" } : null,
  };
}

export class SyncRequestForbiddenError extends Error {
  constructor() {
    super("Only owners and admins can request a sync");
    this.name = "SyncRequestForbiddenError";
  }
}

/**
 * "Sync now" (owners/admins): sets a flag the engine picks up on its next tick (it then runs the
 * incremental refresh at once). The route already checks the role; this checks again, as every
 * service that changes state does.
 */
export async function requestSyncNow(db: Kysely<Database>, actor: Actor, now: number = Date.now()): Promise<void> {
  if (!can(actor.role, "settings:manage")) throw new SyncRequestForbiddenError();
  const at = new Date(now).toISOString();
  await db
    .insertInto("sync_status")
    .values({ job: "engine", last_run_at: null, last_success_at: null, last_error_at: null, last_error_kind: null, last_error_message: null, counts: null, requested_at: at, requested_by: actor.id })
    .onConflict((oc) => oc.column("job").doUpdateSet({ requested_at: at, requested_by: actor.id }))
    .execute();
  await recordAudit(db, { actor, action: "sync.run_requested" });
}

/** The pending "sync now" request, consumed by the engine (cleared only if unchanged since read). */
export async function takeSyncRequest(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom("sync_status").select("requested_at").where("job", "=", "engine").executeTakeFirst();
  const at = row?.requested_at ?? null;
  if (at === null) return null;
  await db.updateTable("sync_status").set({ requested_at: null }).where("job", "=", "engine").where("requested_at", "=", at).execute();
  return at;
}
