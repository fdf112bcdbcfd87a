// Migration 0003: the sync engine's own state (lib/sync): resumable job checkpoints, the single sync
// lease, the rate-limit budget shared between instances, per-job status, and reconciliation drift.
import "server-only";
import type { Kysely } from "kysely";
import { moneyColumnType, type Engine } from "../engine-sql";

// Migrations must not depend on today's schema types, hence Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // Epoch-millisecond columns: 64-bit on PG (int4 overflows in 2038 and at ms today).
  const ms = moneyColumnType(engine);

  await db.schema
    .createTable("sync_checkpoints")
    .addColumn("job", "text", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull()) // JSON, shape owned by the job (lib/sync/*)
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // One row (id = 'sync'). Taken and renewed by conditional UPDATEs, so two instances never both hold it.
  await db.schema
    .createTable("sync_lease")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("holder", "text")
    .addColumn("expires_at", ms, (c) => c.notNull())
    .addColumn("acquired_at", ms)
    .execute();

  // Per API key *fingerprint* (SHA-256), never the key. `version` makes every change a compare-and-set.
  await db.schema
    .createTable("api_budget")
    .addColumn("key_fingerprint", "text", (c) => c.primaryKey())
    .addColumn("limit_per_window", "integer", (c) => c.notNull())
    .addColumn("remaining", "integer", (c) => c.notNull())
    .addColumn("reset_at", ms)
    // JSON array of reservation times: a crashed instance's slots age out instead of leaking forever.
    .addColumn("in_flight", "text", (c) => c.notNull())
    .addColumn("learned", "integer", (c) => c.notNull())
    .addColumn("blocked", "integer", (c) => c.notNull())
    .addColumn("version", ms, (c) => c.notNull())
    .addColumn("updated_at", ms, (c) => c.notNull())
    .execute();

  // One row per job (backfill, incremental, enrichment, reconciliation) plus "engine" for the
  // "sync now" request flag. Messages are the client's, which never contain the key.
  await db.schema
    .createTable("sync_status")
    .addColumn("job", "text", (c) => c.primaryKey())
    .addColumn("last_run_at", "text")
    .addColumn("last_success_at", "text")
    .addColumn("last_error_at", "text")
    .addColumn("last_error_kind", "text")
    .addColumn("last_error_message", "text")
    .addColumn("counts", "text") // JSON: what the last run did
    .addColumn("requested_at", "text")
    .addColumn("requested_by", "text")
    .execute();

  await db.schema
    .createTable("reconciliation_drift")
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("api_count", "integer", (c) => c.notNull())
    .addColumn("mirror_count", "integer", (c) => c.notNull())
    .addColumn("checked_at", "text", (c) => c.notNull())
    .addColumn("requeued", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("reconciliation_drift_pk", ["month", "status"])
    .execute();
}
