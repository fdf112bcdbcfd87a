// The database entry point: open either engine with migrations applied, or get the process-wide
// instance configured by DATABASE_URL. Services take the db as an argument; only the app calls getDb.
import "server-only";
import type { Kysely } from "kysely";
import { getEnv } from "@/lib/env";
import { connect, sqlitePathOf } from "./connect";
import { engineOf, type Engine } from "./engine-sql";
import { migrateToLatest, serializeSqlite } from "./migrate";
import type { Database } from "./schema";

export type { Engine } from "./engine-sql";
export type * from "./schema";

export type OpenedDatabase = { db: Kysely<Database>; engine: Engine; close(): Promise<void> };

/** Opens the database at `url` (`file:…` or `postgres://…`) and applies pending migrations. */
export async function openDatabase(url: string): Promise<OpenedDatabase> {
  const engine = engineOf(url);
  const open = async () => {
    const conn = connect(url);
    try {
      await migrateToLatest(conn.db, engine);
    } catch (error) {
      await conn.close().catch(() => undefined);
      throw error;
    }
    return conn;
  };
  return engine === "sqlite" ? serializeSqlite(sqlitePathOf(url), open) : open();
}

// Kept on globalThis so Next's dev-mode module reloads reuse the one connection instead of opening
// a new SQLite handle (and its write lock contention) per reload.
const holder = globalThis as typeof globalThis & { __chariowDb?: Promise<OpenedDatabase> };

/** The app's database, opened (and migrated) once per process from getEnv().DATABASE_URL. */
export async function getDb(): Promise<Kysely<Database>> {
  holder.__chariowDb ??= openDatabase(getEnv().DATABASE_URL).catch((error: unknown) => {
    holder.__chariowDb = undefined; // let the next request retry, e.g. once PostgreSQL is reachable
    throw error;
  });
  return (await holder.__chariowDb).db;
}

/** The configured engine, known without opening a connection. */
export function getEngine(): Engine {
  return engineOf(getEnv().DATABASE_URL);
}

/** Closes the process-wide instance (graceful shutdown, tests). */
export async function closeDb(): Promise<void> {
  const current = holder.__chariowDb;
  holder.__chariowDb = undefined;
  if (current) await (await current).close();
}
