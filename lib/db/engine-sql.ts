// The only place for SQL that differs between SQLite and PostgreSQL (ids, locks, case-insensitive
// match, dates). Everything else is written once with Kysely and runs unchanged on both engines.
import "server-only";
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely, type RawBuilder } from "kysely";

export type Engine = "sqlite" | "postgres";

/** `postgres://` / `postgresql://` selects PostgreSQL; anything else (`file:…`) is an SQLite file. */
export function engineOf(databaseUrl: string): Engine {
  return /^postgres(ql)?:\/\//i.test(databaseUrl) ? "postgres" : "sqlite";
}

/** The engine behind an open Kysely instance (services get the db, not the URL). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works for any schema
export function engineOfDb(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * Row locks for read-then-write checks ("is this the last owner?"). PG: SELECT … FOR UPDATE, so two
 * concurrent demotions serialise and the second sees the first. SQLite has no row locks and needs none:
 * one connection per process runs transactions one at a time (multi-instance deployments use PG).
 */
export function forUpdate<QB extends { forUpdate(): QB }>(qb: QB, engine: Engine): QB {
  return engine === "postgres" ? qb.forUpdate() : qb;
}

/** Adds an auto-incremented integer primary key `id` (bigserial on PG: int8, parsed back to number). */
export function addAutoIdColumn<T extends string>(
  table: CreateTableBuilder<T, never>,
  engine: Engine,
): CreateTableBuilder<T, "id"> {
  return engine === "postgres"
    ? table.addColumn("id", "bigserial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

/** Column type for money in minor units: 64-bit on PG (XOF totals outgrow int4), INTEGER on SQLite. */
export function moneyColumnType(engine: Engine): "bigint" | "integer" {
  return engine === "postgres" ? "bigint" : "integer";
}

/**
 * SQLite: store a table in its primary-key B-tree (WITHOUT ROWID), so each insert writes one tree instead
 * of the rowid table plus the key index — for small rows with a composite key (the mirror's rollups).
 * PostgreSQL has no rowid: unchanged.
 */
export function clusteredByPrimaryKey<T extends string, C extends string>(table: CreateTableBuilder<T, C>, engine: Engine): CreateTableBuilder<T, C> {
  return engine === "sqlite" ? table.modifyEnd(sql`without rowid`) : table;
}

/** Case-insensitive LIKE: PG's LIKE is case-sensitive, SQLite's is already case-insensitive for ASCII. */
export function likeInsensitive(engine: Engine): "ilike" | "like" {
  return engine === "postgres" ? "ilike" : "like";
}

/** Current instant as an ISO-8601 UTC string in SQL, matching `new Date().toISOString()`'s format. */
export function sqlNowIso(engine: Engine): RawBuilder<string> {
  return engine === "postgres"
    ? sql<string>`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
}

/** Booleans: PG has a real bool; SQLite stores 0/1. Write through this so inserts work on both. */
export function sqlBool(engine: Engine, value: boolean): boolean | number {
  return engine === "postgres" ? value : value ? 1 : 0;
}

// A fixed 64-bit key for the migration advisory lock, distinct from Kysely's own lock id.
const MIGRATION_ADVISORY_LOCK_KEY = 7_400_316_255;

/**
 * Runs `work` while holding the engine's cross-process migration lock, so two instances starting at
 * once never apply the same migration twice. PG: a session advisory lock on one pooled connection
 * (`work` uses the others). SQLite: `BEGIN IMMEDIATE` takes the write lock (other processes wait in
 * busy_timeout) and `work` runs inside that transaction on the single connection; rolled back on failure.
 */
// The migration runner is schema-agnostic by design, hence Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function withMigrationLock<T>(db: Kysely<any>, engine: Engine, work: () => Promise<T>): Promise<T> {
  if (engine === "postgres") {
    return db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${sql.lit(MIGRATION_ADVISORY_LOCK_KEY)})`.execute(conn);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_ADVISORY_LOCK_KEY)})`.execute(conn);
      }
    });
  }
  await sql`begin immediate`.execute(db);
  try {
    const result = await work();
    await sql`commit`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback`.execute(db);
    throw error;
  }
}

// A fixed 64-bit key for the mirror's write lock (lib/mirror), distinct from the migration lock.
const MIRROR_WRITE_LOCK_KEY = 7_400_316_256;

/**
 * Runs a mirror write (read the batch's rows, compute deltas, write) as one transaction that no other
 * mirror write interleaves with, so rollup deltas never double-count a sale two writers saw as new.
 * PG: a transaction-scoped advisory lock (held until commit, across instances). SQLite: BEGIN IMMEDIATE
 * takes the write lock before the read, so another process cannot slip a write in between. Inside an
 * existing transaction `work` joins it (PG still takes the lock).
 */
export async function withWriteTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  const engine = engineOfDb(db);
  const lock = (trx: Kysely<DB>) => sql`select pg_advisory_xact_lock(${sql.lit(MIRROR_WRITE_LOCK_KEY)})`.execute(trx);
  if (db.isTransaction) {
    if (engine === "postgres") await lock(db);
    return work(db);
  }
  if (engine === "postgres") {
    return db.transaction().execute(async (trx) => {
      await lock(trx);
      return work(trx);
    });
  }
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/**
 * `column` is one of `values` (a list of text ids of any length), as ONE bound parameter: a JSON array
 * read by `json_each` on SQLite, a text[] on PG. An `IN (?, ?, …)` list would need a parameter per value
 * and fail past the engines' limits (SQLite 32 766, PG 65 535) on a long list. Negate with `not (…)`.
 */
export function inTextList(engine: Engine, column: string, values: readonly string[]): RawBuilder<boolean> {
  return engine === "postgres"
    ? sql<boolean>`${sql.ref(column)} = any(${[...values]}::text[])`
    : sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;
}
