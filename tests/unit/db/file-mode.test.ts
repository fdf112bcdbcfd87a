// The SQLite file holds every sale and the team's password hashes: it and the -wal/-shm files SQLite
// keeps beside it are owner-only (0600) under the usual umask 022, the folder created for it is 0700,
// and a file an older version left 0644 is narrowed on open.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect, type Connection } from "@/lib/db/connect";

let dir: string;
let previousUmask: number;
let conn: Connection | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "db-mode-"));
  previousUmask = process.umask(0o022); // what most shells and service managers give a process
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  process.umask(previousUmask);
  fs.rmSync(dir, { recursive: true, force: true });
});

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

async function openAndWrite(file: string) {
  conn = connect(`file:${file}`);
  await sql`create table t (n integer)`.execute(conn.db);
  await sql`insert into t values (1)`.execute(conn.db);
}

describe("SQLite file modes", () => {
  it("creates the database, its WAL and shared-memory files 0600 and a new folder 0700", async () => {
    const file = path.join(dir, "data", "chariow.db");
    await openAndWrite(file);
    expect(modeOf(path.dirname(file))).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      expect(fs.existsSync(f), f).toBe(true);
      expect(modeOf(f).toString(8), f).toBe("600");
    }
  });

  it("narrows a database (and WAL) an older version created 0644, keeping its data", async () => {
    const file = path.join(dir, "old.db");
    await openAndWrite(file);
    await conn!.close();
    conn = undefined;
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(`${file}-wal`, "");
    fs.chmodSync(`${file}-wal`, 0o644);
    conn = connect(`file:${file}`);
    const rows = await sql<{ n: number }>`select n from t`.execute(conn.db);
    expect(rows.rows).toEqual([{ n: 1 }]);
    expect(modeOf(file).toString(8)).toBe("600");
    expect(modeOf(`${file}-wal`).toString(8)).toBe("600");
  });

  it("does not touch the mode of a folder that already exists (DATABASE_URL may point anywhere)", async () => {
    fs.chmodSync(dir, 0o755);
    await openAndWrite(path.join(dir, "x.db"));
    expect(modeOf(dir)).toBe(0o755);
  });
});
