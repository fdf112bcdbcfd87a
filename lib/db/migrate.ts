// Applies pending migrations under a lock, so concurrent start-ups (several instances, or two opens in
// one process) converge on one schema and never run a migration twice.
import "server-only";
import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import { withMigrationLock, type Engine } from "./engine-sql";
import { migrations } from "./migrations";

function providerFor(engine: Engine): MigrationProvider {
  return {
    async getMigrations() {
      const all: Record<string, Migration> = {};
      for (const [name, m] of migrations) all[name] = { up: (db) => m.up(db, engine) };
      return all;
    },
  };
}

// better-sqlite3 is synchronous: a second connection in the same process waiting on the write lock
// would block the event loop that the first one needs to finish. So opens of the same SQLite file in
// one process queue here first; other processes wait in SQLite's busy_timeout instead.
const sqliteQueues = new Map<string, Promise<unknown>>();

export async function serializeSqlite<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = sqliteQueues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(work);
  const tail = run.catch(() => undefined);
  sqliteQueues.set(key, tail);
  try {
    return await run;
  } finally {
    if (sqliteQueues.get(key) === tail) sqliteQueues.delete(key);
  }
}

/** Runs every pending migration; returns the names applied by this call (empty when up to date). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the runner is schema-agnostic
export async function migrateToLatest(db: Kysely<any>, engine: Engine): Promise<string[]> {
  return withMigrationLock(db, engine, async () => {
    const migrator = new Migrator({ db, provider: providerFor(engine) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === "Error")?.migrationName;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Database migration ${failed ?? ""} failed: ${reason}`, { cause: error });
    }
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  });
}
