// switchToWal (lib/db/connect.ts): SQLite answers SQLITE_BUSY at once, without busy_timeout, to a WAL
// switch racing another process's lock (several instances starting together on a new file). The switch is
// retried until it succeeds or the wait is over; any other error is thrown at once. The connection is a
// stub (the race itself is tests/integration/db/migrations.test.ts's three processes); a real file shows
// the mode is set.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { switchToWal } from "@/lib/db/connect";

function busyThen(failures: number, code = "SQLITE_BUSY") {
  const calls: string[] = [];
  return {
    calls,
    pragma(source: string) {
      calls.push(source);
      if (calls.length <= failures) throw Object.assign(new Error("database is locked"), { code });
      return "wal";
    },
  };
}

describe("switchToWal", () => {
  it("retries a busy switch until it goes through", () => {
    const sqlite = busyThen(3);
    switchToWal(sqlite as never);
    expect(sqlite.calls).toEqual(Array(4).fill("journal_mode = WAL"));
  });

  it("gives up with SQLite's error once the wait is over", () => {
    const sqlite = busyThen(Number.POSITIVE_INFINITY);
    expect(() => switchToWal(sqlite as never, 50)).toThrow("database is locked");
    expect(sqlite.calls.length).toBeGreaterThan(1);
  });

  it("throws any other error at once", () => {
    const sqlite = busyThen(1, "SQLITE_READONLY");
    expect(() => switchToWal(sqlite as never)).toThrow("database is locked");
    expect(sqlite.calls).toHaveLength(1);
  });

  it("sets WAL on a real file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wal-"));
    try {
      const db = new BetterSqlite3(path.join(dir, "x.db"));
      switchToWal(db);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
