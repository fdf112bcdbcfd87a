// Opens a Kysely instance on either engine: an SQLite file (better-sqlite3) or PostgreSQL (pg pool),
// with the driver settings both need to behave the same (integers as numbers, waits instead of BUSY).
import "server-only";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { engineOf, type Engine } from "./engine-sql";
import type { Database } from "./schema";

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/**
 * PG returns int8 (COUNT, bigserial, money columns) and numeric (SUM of int8) as strings to avoid
 * precision loss. Our amounts are minor units far below 2^53, so we want numbers, like SQLite gives;
 * a value beyond the safe range is corruption, and failing loudly beats a silently wrong total.
 */
export function parsePgInteger(text: string): number {
  const n = Number(text);
  if (/^-?\d+$/.test(text) && !Number.isSafeInteger(n)) {
    throw new RangeError(`PostgreSQL integer ${text} is outside JavaScript's safe integer range`);
  }
  return n;
}

const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return parsePgInteger;
    // pg's own overloads do not accept a union format; the call is the same at runtime.
    return pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

/** The SQLite file path from `file:./x.db`, `file:///abs/x.db` or `file::memory:`. */
export function sqlitePathOf(databaseUrl: string): string {
  if (databaseUrl.startsWith("file://")) return decodeURIComponent(new URL(databaseUrl).pathname);
  const rest = databaseUrl.replace(/^file:/, "");
  return rest === ":memory:" ? rest : path.resolve(rest);
}

/** The database file and the files SQLite keeps beside it (WAL, shared memory, rollback journal). */
const companions = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

/**
 * The SQLite file holds every sale, customer e-mail and the team's password hashes: owner-only (0600),
 * like ./data/auth-secret. Created here with that mode before SQLite opens it — SQLite then gives its
 * -wal and -shm files the database file's mode — and a folder it creates is 0700. A file that already
 * exists with a wider mode (an earlier version made it 0644) is narrowed.
 */
function createOwnerOnly(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // "wx": only ever a file that does not exist yet. Opening and closing an existing one could drop the
    // POSIX locks another connection of this process holds on it (closing any descriptor of a file does).
    fs.closeSync(fs.openSync(file, "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  tightenModes(file);
}

function tightenModes(file: string): void {
  for (const f of companions(file)) {
    try {
      const { mode } = fs.statSync(f);
      if ((mode & 0o077) !== 0) fs.chmodSync(f, mode & 0o700);
    } catch (error) {
      // Absent (no WAL yet) is normal; a file we do not own cannot be narrowed — say so, keep serving.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") console.warn(`Could not make ${f} owner-only: ${(error as Error).message}`);
    }
  }
}

/**
 * No Parallel Append: the Overview and Revenue read a range as one UNION ALL of rollup parts (whole months,
 * edge days: lib/analytics/rollup-periods.ts), a few thousand index entries each. PostgreSQL ran the longest
 * ranges' parts in parallel worker processes, and starting those cost more than the parts themselves: the
 * heaviest statements took twice as long (bench/analytics-overview.ts at 1,000,000 sales, issue 17). The
 * rollup tables also refuse parallel scans (migration 0025), so their reads stay in one process; scans of
 * the sales table keep PostgreSQL's parallel plans. JIT, the other usual suspect, never starts on these
 * statements (their costs stay far below jit_above_cost), so it is left as the server has it.
 */
export const PG_SESSION_SETTINGS = "set enable_parallel_append = off";

export type Connection = { db: Kysely<Database>; engine: Engine; close(): Promise<void> };

export function connect(databaseUrl: string): Connection {
  const engine = engineOf(databaseUrl);
  if (engine === "postgres") {
    const pool = new pg.Pool({ connectionString: databaseUrl, types: pgTypes, max: 10 });
    // Session settings, sent once per pooled connection ahead of its first query (pg runs a client's queries
    // in order). A SET rather than the `options` startup parameter, which PgBouncer refuses by default.
    pool.on("connect", (client) => {
      client.query(PG_SESSION_SETTINGS).catch((error: Error) => console.warn(`PostgreSQL session settings not applied (${error.message}); queries still run, maybe slower`));
    });
    let closing = false;
    // An idle pooled connection dropped by the server (restart, failover, admin) must not crash the
    // process: the pool discards it and the next query opens a new one.
    pool.on("error", (error) => {
      if (!closing) console.warn(`PostgreSQL connection lost (${error.message}); it will be reopened`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine,
      close: () => {
        closing = true;
        return db.destroy();
      },
    };
  }
  const file = sqlitePathOf(databaseUrl);
  if (file !== ":memory:") createOwnerOnly(file);
  const sqlite = new BetterSqlite3(file);
  // busy_timeout first: the WAL switch itself needs a lock another process may hold.
  sqlite.pragma("busy_timeout = 10000");
  if (file !== ":memory:") {
    switchToWal(sqlite); // readers never block the writer
    tightenModes(file); // -wal/-shm left by an older version, created with a wider mode
  }
  sqlite.pragma("synchronous = NORMAL"); // durable at checkpoints; safe with WAL
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine, close: () => db.destroy() };
}

type Pragmas = Pick<BetterSqlite3.Database, "pragma">;

/**
 * `journal_mode = WAL` (once per file: the mode persists). The switch needs an exclusive lock, and SQLite
 * answers SQLITE_BUSY at once, without waiting in busy_timeout, when another process is taking a lock at
 * the same moment (its deadlock avoidance) — as when several instances start together on a new file. So
 * the switch is retried, backing off from 10 ms to 200 ms, for up to `waitMs`; any other error is thrown.
 */
export function switchToWal(sqlite: Pragmas, waitMs = 10_000): void {
  const started = Date.now();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    try {
      sqlite.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() - started >= waitMs) throw error;
      Atomics.wait(pause, 0, 0, Math.min(200, 10 * 2 ** attempt)); // connect() is synchronous: a blocking pause
    }
  }
}

const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely's SQLite driver prepares every query anew; preparing a 100-row upsert costs about as much as
 * running it (bench/README.md, "Mirror ingest"). Statements are reused by SQL text, least recently used
 * dropped first. A statement still being iterated (a streamed export) is busy and cannot run twice at
 * once, so a busy one is never handed out: that caller gets a fresh statement.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source); // re-insert: the Map's order is the recency order
      cache.set(source, cached);
      return cached;
    }
    const statement = sqlite.prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property === "prepare") return prepare;
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

