// Runs the same data-layer test bodies on SQLite (a temp file) and PostgreSQL (a database created
// for the test, so files run in parallel). PostgreSQL is skipped, visibly, without TEST_POSTGRES_URL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach, describe, it } from "vitest";
import { openDatabase, type Engine, type OpenedDatabase } from "@/lib/db";

const PG_URL = process.env.TEST_POSTGRES_URL;

export type TestDatabase = { url: string; engine: Engine; drop(): Promise<void> };

/** A brand-new, empty database on `engine` (not opened: callers decide how to open it). */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chariow-db-"));
    return {
      url: `file:${path.join(dir, "test.db")}`,
      engine,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!PG_URL) throw new Error("TEST_POSTGRES_URL is not set");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    engine,
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The engines these tests can run on here: PostgreSQL only when TEST_POSTGRES_URL is set. */
export const ENGINES: Engine[] = PG_URL ? ["sqlite", "postgres"] : ["sqlite"];

/** A visible skipped entry saying why the PostgreSQL variant of `name` did not run. */
export function noticePostgresSkipped(name: string): void {
  if (PG_URL) return;
  describe.skip(`${name} [postgres] SKIPPED: TEST_POSTGRES_URL is not set (npm test starts a throw-away cluster when PostgreSQL is installed)`, () => {
    it("runs the same tests on PostgreSQL", () => undefined);
  });
}

/**
 * `describe.each` over the engines available here. The body gets a getter for a fresh, migrated
 * database per test (opened in beforeEach, closed and dropped in afterEach).
 */
export function describeEachEngine(name: string, body: (ctx: { engine: Engine; db: () => OpenedDatabase }) => void) {
  describe.each(ENGINES)(`${name} [%s]`, (engine) => {
    let current: OpenedDatabase | undefined;
    let target: TestDatabase | undefined;
    beforeEach(async () => {
      target = await createTestDatabase(engine);
      current = await openDatabase(target.url);
    });
    afterEach(async () => {
      await current?.close();
      await target?.drop();
      current = undefined;
    });
    body({
      engine,
      db: () => {
        if (!current) throw new Error("database not open (used outside a test?)");
        return current;
      },
    });
  });
  noticePostgresSkipped(name);
}
