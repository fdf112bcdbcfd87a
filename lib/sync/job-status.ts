// Per-job outcome bookkeeping (sync_status): when each job last ran, succeeded or failed and why, in
// the words the freshness UI translates. Messages come from the Chariow client, which never includes
// the API key; they are still cut short and stripped of anything that looks like a bearer token.
// Also which jobs decide the upstream's health (core) and which read endpoints a store may not have.
import "server-only";
import type { Kysely } from "kysely";
import {
  ChariowAbortedError,
  ChariowBadRequestError,
  ChariowMalformedResponseError,
  ChariowNotFoundError,
  ChariowRateLimitedError,
  ChariowUnauthorizedError,
  ChariowUpstreamUnavailableError,
  ChariowValidationError,
} from "@/lib/chariow";
import type { Database } from "@/lib/db";

export type SyncErrorKind =
  | "unauthorized"
  | "rate_limited"
  | "unavailable"
  | "malformed"
  | "not_found"
  | "bad_request"
  | "aborted"
  | "lease_lost"
  | "internal"
  /** An optional job's endpoint answered 404/403/501: the store does not have it (not a failure). */
  | "not_available";

/**
 * The jobs that read the sales list and details: they alone say whether Chariow is answering (the
 * stale banner, "last synced"). The dashboard's figures come from them; a store works without the rest.
 */
export const CORE_SYNC_JOBS = ["backfill", "incremental", "enrichment", "reconciliation"] as const;
/**
 * Jobs reading endpoints a store may not have (the independent mock had no /licenses; a plan or a
 * store without licence products may answer 404/403). Their failures never turn the banner on; Settings
 * shows each one's own state.
 */
export const OPTIONAL_SYNC_JOBS = ["licences"] as const;
export type CoreSyncJob = (typeof CORE_SYNC_JOBS)[number];
export type OptionalSyncJob = (typeof OPTIONAL_SYNC_JOBS)[number];
/**
 * "affiliates" (the background affiliate lookups, lowest priority) is neither: its state is recorded like
 * the others but never decides health, and Settings does not list it.
 */
export type SyncJobKey = CoreSyncJob | OptionalSyncJob | "affiliates" | "engine";

export function isCoreSyncJob(job: string): job is CoreSyncJob {
  return (CORE_SYNC_JOBS as readonly string[]).includes(job);
}

export function isOptionalSyncJob(job: string): job is OptionalSyncJob {
  return (OPTIONAL_SYNC_JOBS as readonly string[]).includes(job);
}

export class LeaseLostError extends Error {
  constructor() {
    super("The sync lease was lost to another instance");
    this.name = "LeaseLostError";
  }
}

export function classifySyncError(error: unknown): { kind: SyncErrorKind; message: string } {
  const kind: SyncErrorKind =
    error instanceof ChariowUnauthorizedError
      ? "unauthorized"
      : error instanceof ChariowRateLimitedError
        ? "rate_limited"
        : error instanceof ChariowUpstreamUnavailableError
          ? "unavailable"
          : error instanceof ChariowMalformedResponseError
            ? "malformed"
            : error instanceof ChariowNotFoundError
              ? "not_found"
              : error instanceof ChariowValidationError || error instanceof ChariowBadRequestError
                ? "bad_request"
                : error instanceof ChariowAbortedError
                  ? "aborted"
                  : error instanceof LeaseLostError
                    ? "lease_lost"
                    : "internal";
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/(bearer\s+)\S+/gi, "$1[redacted]").replace(/sk_[A-Za-z0-9_]+/g, "[redacted]").slice(0, 300);
  return { kind, message };
}

async function upsertStatus(db: Kysely<Database>, job: SyncJobKey, set: Partial<Database["sync_status"]>): Promise<void> {
  await db
    .insertInto("sync_status")
    .values({
      job,
      last_run_at: null,
      last_success_at: null,
      last_error_at: null,
      last_error_kind: null,
      last_error_message: null,
      counts: null,
      requested_at: null,
      requested_by: null,
      ...set,
    })
    .onConflict((oc) => oc.column("job").doUpdateSet(set))
    .execute();
}

/**
 * A run that sent no request (nothing to enrich, nothing to re-check) proves nothing about the API:
 * it must not hide a failure of another job (a rejected key), so it only counts as "ran".
 */
export async function recordJobSuccess(db: Kysely<Database>, job: SyncJobKey, now: number, counts: Record<string, number>): Promise<void> {
  const at = new Date(now).toISOString();
  const talked = (counts.requests ?? 0) > 0;
  await upsertStatus(db, job, { last_run_at: at, ...(talked ? { last_success_at: at } : {}), counts: JSON.stringify(counts) });
}

export async function recordJobFailure(db: Kysely<Database>, job: SyncJobKey, now: number, error: unknown): Promise<void> {
  const at = new Date(now).toISOString();
  const { kind, message } = classifySyncError(error);
  await upsertStatus(db, job, { last_run_at: at, last_error_at: at, last_error_kind: kind, last_error_message: message });
}

/**
 * An optional job whose endpoint the store does not have (404/403/501, `isEndpointUnavailable`): kind
 * "not_available", which Settings words as such instead of an error. Any other error is a failure.
 */
export async function recordJobNotAvailable(db: Kysely<Database>, job: OptionalSyncJob, now: number, error: unknown): Promise<void> {
  const at = new Date(now).toISOString();
  const { message } = classifySyncError(error);
  await upsertStatus(db, job, { last_run_at: at, last_error_at: at, last_error_kind: "not_available", last_error_message: message });
}

/**
 * When the job last found its endpoint missing, if nothing succeeded since (epoch ms), else null. A success
 * is newer than the mark once the endpoint answers again, which clears the state.
 */
export async function notAvailableSince(db: Kysely<Database>, job: OptionalSyncJob): Promise<number | null> {
  const row = await db.selectFrom("sync_status").select(["last_error_at", "last_error_kind", "last_success_at"]).where("job", "=", job).executeTakeFirst();
  if (!row || row.last_error_kind !== "not_available" || row.last_error_at === null) return null;
  if (row.last_success_at !== null && row.last_success_at >= row.last_error_at) return null;
  return Date.parse(row.last_error_at);
}
