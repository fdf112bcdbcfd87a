// The data layer on both engines: migrations create the schema once, stay idempotent, survive racing
// start-ups, and integers (money, COUNT, SUM) come back as JavaScript numbers.
import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Engine, type OpenedDatabase } from "@/lib/db";
import { moneyColumnType, sqlNowIso } from "@/lib/db/engine-sql";
import { migrateToLatest } from "@/lib/db/migrate";
import { migrations } from "@/lib/db/migrations";
import { ENGINES, createTestDatabase, describeEachEngine, noticePostgresSkipped, type TestDatabase } from "./engines";

const TABLES = ["app_settings", "audit_log", "invites", "login_attempts", "users"];

async function appliedMigrations(opened: OpenedDatabase): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(opened.db);
  return rows.rows.map((r) => r.name);
}

const root = path.resolve(__dirname, "../../..");

/** Starts an app-like process that opens the database; resolves with its exit code and output. */
function startInstance(url: string, label: string, startAt: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "tests/integration/db/open-database-child.ts", url, label, String(startAt)],
      { cwd: root, env: { ...process.env, NODE_ENV: "test" } },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    child.on("close", (code) => resolve({ code, out }));
  });
}

noticePostgresSkipped("migrations");

describe.each(ENGINES)("migrations [%s]", (engine: Engine) => {
  let target: TestDatabase | undefined;
  const opened: OpenedDatabase[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((o) => o.close()));
    await target?.drop();
  });

  it("creates every table on a fresh database and records each migration once", async () => {
    target = await createTestDatabase(engine);
    const db = await openDatabase(target.url);
    opened.push(db);
    expect(db.engine).toBe(engine);
    const tables = (await db.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(expect.arrayContaining(TABLES));
    expect(await appliedMigrations(db)).toEqual(migrations.map(([name]) => name));
  });

  it("is idempotent: reopening applies nothing and keeps the data", async () => {
    target = await createTestDatabase(engine);
    const first = await openDatabase(target.url);
    await first.db
      .insertInto("app_settings")
      .values({ key: "timezone", value: "Europe/Paris", updated_at: new Date().toISOString() })
      .execute();
    await first.close();

    const second = await openDatabase(target.url);
    opened.push(second);
    expect(await migrateToLatest(second.db, engine)).toEqual([]);
    expect(await appliedMigrations(second)).toEqual(migrations.map(([name]) => name));
    const row = await second.db.selectFrom("app_settings").select("value").where("key", "=", "timezone").executeTakeFirst();
    expect(row?.value).toBe("Europe/Paris");
  });

  it("survives several instances starting at once on the same empty database", async () => {
    target = await createTestDatabase(engine);
    const url = target.url;
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => openDatabase(url)));
    for (const r of results) if (r.status === "fulfilled") opened.push(r.value);
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok", "ok", "ok"]);
    expect(await appliedMigrations(opened[0])).toEqual(migrations.map(([name]) => name));
    // Every instance can write through the shared schema.
    await Promise.all(
      opened.map((o, i) =>
        o.db.insertInto("app_settings").values({ key: `k${i}`, value: "v", updated_at: "2026-01-01T00:00:00.000Z" }).execute(),
      ),
    );
    const count = await opened[1].db.selectFrom("app_settings").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(count.n).toBe(4);
  });

  it("survives two separate processes starting at once on the same empty database", async () => {
    target = await createTestDatabase(engine);
    const startAt = Date.now() + 4000; // after every child's tsx start-up
    const runs = await Promise.all(["a", "b", "c"].map((label) => startInstance(target!.url, label, startAt)));
    expect(runs.map((r) => (r.code === 0 ? "ok" : r.out))).toEqual(["ok", "ok", "ok"]);
    const db = await openDatabase(target.url);
    opened.push(db);
    expect(await appliedMigrations(db)).toEqual(migrations.map(([name]) => name));
    const started = await db.db.selectFrom("app_settings").select("key").where("key", "like", "started:%").execute();
    expect(started.map((r) => r.key).sort()).toEqual(["started:a", "started:b", "started:c"]);
  });
});

describeEachEngine("engine behaviour", ({ engine, db }) => {
  it("returns 64-bit money columns, SUM and COUNT as exact numbers", async () => {
    const { db: k } = db();
    await k.schema
      .createTable("money_probe")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("amount_minor", moneyColumnType(engine), (c) => c.notNull())
      .execute();
    // 6 billion XOF minor units: beyond int4, well inside 2^53.
    const amounts = [6_000_000_000, 3_500_000_001, 1];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an ad-hoc table outside the schema
    const anyDb = k as any;
    await anyDb.insertInto("money_probe").values(amounts.map((amount_minor, id) => ({ id, amount_minor }))).execute();
    const rows = await sql<{ amount_minor: unknown }>`select amount_minor from money_probe order by id`.execute(k);
    expect(rows.rows.map((r) => r.amount_minor)).toEqual(amounts);
    const agg = await sql<{ total: unknown; n: unknown }>`select sum(amount_minor) as total, count(*) as n from money_probe`.execute(k);
    expect(agg.rows[0]).toEqual({ total: 9_500_000_002, n: 3 });
  });

  it("gives auto-incremented ids as numbers", async () => {
    const { db: k } = db();
    const row = await k
      .insertInto("audit_log")
      .values({ at: new Date().toISOString(), action: "probe" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(typeof row.id).toBe("number");
  });

  it("writes now() in the same ISO-8601 UTC format as JavaScript", async () => {
    const before = new Date().toISOString();
    const { rows } = await sql<{ now: string }>`select ${sqlNowIso(engine)} as now`.execute(db().db);
    expect(rows[0].now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(rows[0].now) - Date.parse(before))).toBeLessThan(5_000);
  });

  it("enforces the role check and unique emails in the schema itself", async () => {
    const { db: k } = db();
    const user = (email: string, role: string) => ({
      id: email,
      email,
      name: null,
      password_hash: null,
      role: role as "owner",
      created_at: "2026-01-01T00:00:00.000Z",
      disabled_at: null,
    });
    await k.insertInto("users").values(user("a@x.test", "owner")).execute();
    await expect(k.insertInto("users").values({ ...user("a@x.test", "admin"), id: "other" }).execute()).rejects.toThrow();
    await expect(k.insertInto("users").values(user("b@x.test", "superuser")).execute()).rejects.toThrow();
  });
});

if (process.env.TEST_POSTGRES_URL) {
  describe("PostgreSQL integer guard", () => {
    it("refuses an int8 beyond 2^53 instead of returning a rounded number", async () => {
      const target = await createTestDatabase("postgres");
      const opened = await openDatabase(target.url);
      try {
        await expect(sql`select 9007199254740993::int8 as big`.execute(opened.db)).rejects.toThrow(/safe integer/);
      } finally {
        await opened.close();
        await target.drop();
      }
    });
  });
}
