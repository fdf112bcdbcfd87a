// The SQLite statement cache: a statement is prepared once per SQL text, a busy (still iterating) one is
// never handed out twice, and the cache stays bounded.
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withStatementCache } from "@/lib/db/connect";

let raw: BetterSqlite3.Database;
afterEach(() => raw?.close());

function open() {
  raw = new BetterSqlite3(":memory:");
  raw.exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);");
  const spy = vi.spyOn(raw, "prepare");
  return { db: withStatementCache(raw), spy };
}

describe("withStatementCache", () => {
  it("prepares a statement once per SQL text and reuses it", () => {
    const { db, spy } = open();
    for (let i = 0; i < 5; i++) expect(db.prepare("SELECT count(*) AS c FROM t").get()).toEqual({ c: 3 });
    expect(db.prepare("SELECT n FROM t WHERE n = ?").get(2)).toEqual({ n: 2 });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("gives a fresh statement while the cached one is still iterating (two streams of the same query)", () => {
    const { db } = open();
    const sql = "SELECT n FROM t ORDER BY n";
    const outer = db.prepare(sql).iterate() as IterableIterator<{ n: number }>;
    const pairs: string[] = [];
    for (const a of outer) for (const b of db.prepare(sql).iterate() as IterableIterator<{ n: number }>) pairs.push(`${a.n}${b.n}`);
    expect(pairs).toHaveLength(9);
  });

  it("keeps at most 200 statements, dropping the least recently used", () => {
    const { db, spy } = open();
    db.prepare("SELECT 0 AS v").get();
    for (let i = 1; i <= 200; i++) db.prepare(`SELECT ${i} AS v`).get();
    expect(spy).toHaveBeenCalledTimes(201);
    db.prepare("SELECT 200 AS v").get(); // still cached
    expect(spy).toHaveBeenCalledTimes(201);
    db.prepare("SELECT 0 AS v").get(); // evicted: prepared again
    expect(spy).toHaveBeenCalledTimes(202);
  });

  it("passes everything else through to the database", () => {
    const { db } = open();
    db.exec("INSERT INTO t VALUES (4)");
    expect(db.pragma("user_version", { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS c FROM t").get()).toEqual({ c: 4 });
  });
});
