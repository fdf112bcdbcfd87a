// The app's process-wide database: opened once from DATABASE_URL (with migrations), shared by callers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getEngine } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";

describe("getDb (SQLite from DATABASE_URL)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chariow-getdb-"));
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.DATABASE_URL = `file:${path.join(dir, "data", "app.db")}`;
    process.env.AUTH_SECRET = "s".repeat(32);
    resetEnvCache();
  });
  afterAll(async () => {
    await closeDb();
    process.env = saved;
    resetEnvCache();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("creates the file and its folder, migrates, and hands every caller the same instance", async () => {
    expect(getEngine()).toBe("sqlite");
    const [a, b] = await Promise.all([getDb(), getDb()]);
    expect(a).toBe(b);
    expect(fs.existsSync(path.join(dir, "data", "app.db"))).toBe(true);
    expect(await a.selectFrom("users").select("id").execute()).toEqual([]);
  });
});
