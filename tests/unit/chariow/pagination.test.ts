// Cursor iteration that cannot loop, and the date-windowed sales walk with checkpoints and resume.
import { describe, expect, it } from "vitest";
import { dateWindows, paginate, walkSalesByDateWindows, type SalesWalkCheckpoint } from "@/lib/chariow/pagination";
import { listEnvelope, saleSummaryPayload } from "../../factories/chariow-payloads";
import { type RecordedCall } from "./fake-fetch";
import { testClient } from "./test-client";

/** A fake /sales over `days` × `perDay` sales, honouring start_date/end_date and a numeric cursor. */
function salesApi(days: string[], perDay: number, dialect: "current" | "legacy" = "current") {
  const all = days.flatMap((day) => Array.from({ length: perDay }, (_, i) => ({ id: `sal_${day}_${i}`, day })));
  return (call: RecordedCall) => {
    const q = new URL(call.url).searchParams;
    const from = q.get("start_date") ?? "0000-00-00";
    const to = q.get("end_date") ?? "9999-99-99";
    const perPage = Number(q.get("per_page") ?? 15);
    const offset = Number(q.get("cursor") ?? 0);
    const matching = all.filter((s) => s.day >= from && s.day <= to);
    const slice = matching.slice(offset, offset + perPage);
    const next = offset + perPage < matching.length ? String(offset + perPage) : null;
    const items = slice.map((s) => saleSummaryPayload({ id: s.id, createdAt: `${s.day}T12:00:00Z` }, dialect));
    return { body: listEnvelope(items, dialect, { nextCursor: next }) };
  };
}

describe("paginate", () => {
  it("yields every item once across pages and stops when next_cursor is null", async () => {
    const { client, calls } = testClient(salesApi(["2025-01-01", "2025-01-02"], 7, "legacy"));
    const ids: string[] = [];
    for await (const sale of paginate(client.listSales, { per_page: 5 })) ids.push(sale.id);
    expect(ids).toHaveLength(14);
    expect(new Set(ids).size).toBe(14);
    expect(calls).toHaveLength(3);
  });

  it("stops when a cursor repeats instead of looping forever", async () => {
    const { client, calls } = testClient(() => ({ body: listEnvelope([saleSummaryPayload({ id: "sal_same" })], "current", { nextCursor: "loop", hasMore: true }) }));
    const ids: string[] = [];
    for await (const sale of paginate(client.listSales, {})) ids.push(sale.id);
    expect(calls).toHaveLength(2); // first page, then the page at "loop" which points to "loop" again
    expect(ids).toEqual(["sal_same", "sal_same"]);
  });

  it("stops on has_more false even with a cursor", async () => {
    const { client, calls } = testClient(() => ({ body: listEnvelope([], "legacy", { nextCursor: "x", hasMore: false }) }));
    for await (const _ of paginate(client.listSales, {})) void _;
    expect(calls).toHaveLength(1);
  });
});

describe("dateWindows", () => {
  it("splits an inclusive range into disjoint windows", () => {
    expect(dateWindows("2025-01-01", "2025-01-10", 4)).toEqual([
      { windowStart: "2025-01-01", windowEnd: "2025-01-04" },
      { windowStart: "2025-01-05", windowEnd: "2025-01-08" },
      { windowStart: "2025-01-09", windowEnd: "2025-01-10" },
    ]);
    expect(dateWindows("2024-02-28", "2024-03-01", 1)).toHaveLength(3); // leap day included
    expect(() => dateWindows("2025-01-10", "2025-01-01", 3)).toThrow(RangeError);
    expect(() => dateWindows("2025-01-01", "2025-01-10", 0)).toThrow(RangeError);
  });
});

describe("walkSalesByDateWindows", () => {
  const days = ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05"];

  it("walks every window with start_date/end_date and yields each sale once", async () => {
    const { client, calls } = testClient(salesApi(days, 3));
    const checkpoints: SalesWalkCheckpoint[] = [];
    const ids: string[] = [];
    for await (const s of walkSalesByDateWindows({ listSales: client.listSales, from: "2025-01-01", to: "2025-01-05", windowDays: 2, perPage: 2, onCheckpoint: (c) => void checkpoints.push(c) })) {
      ids.push(s.id);
    }
    expect(ids).toHaveLength(15);
    expect(new Set(ids).size).toBe(15);
    // Newest window first; every request is bounded by its window.
    const first = new URL(calls[0].url).searchParams;
    expect([first.get("start_date"), first.get("end_date")]).toEqual(["2025-01-05", "2025-01-05"]);
    for (const c of calls) expect(new URL(c.url).searchParams.get("start_date")).not.toBeNull();
    expect(checkpoints).toHaveLength(calls.length);
    expect(checkpoints.at(-1)).toEqual({ windowStart: "2025-01-01", windowEnd: "2025-01-02", cursor: null });
  });

  it("resumes from a checkpoint without re-reading finished pages", async () => {
    const api = salesApi(days, 3);
    const first = testClient(api);
    const seen: string[] = [];
    let saved: SalesWalkCheckpoint | null = null;
    const opts = { from: "2025-01-01", to: "2025-01-05", windowDays: 2, perPage: 2, order: "oldest-first" as const };
    // Crash after the 4th checkpoint.
    let n = 0;
    try {
      for await (const s of walkSalesByDateWindows({
        ...opts,
        listSales: first.client.listSales,
        onCheckpoint: (c) => {
          saved = c;
          if (++n === 4) throw new Error("crash");
        },
      })) {
        seen.push(s.id);
      }
    } catch (e) {
      expect((e as Error).message).toBe("crash");
    }
    expect(saved).not.toBeNull();
    const second = testClient(api);
    for await (const s of walkSalesByDateWindows({ ...opts, listSales: second.client.listSales, checkpoint: saved })) seen.push(s.id);
    expect(seen).toHaveLength(15);
    expect(new Set(seen).size).toBe(15);
    expect(first.calls.length + second.calls.length).toBe(8); // 3 + 3 + 2 pages: none read twice
  });

  it("refuses a checkpoint from another walk", async () => {
    const { client } = testClient(salesApi(days, 1));
    const walk = walkSalesByDateWindows({ listSales: client.listSales, from: "2025-01-01", to: "2025-01-05", windowDays: 2, checkpoint: { windowStart: "2024-01-01", windowEnd: "2024-01-02", cursor: null } });
    await expect(walk.next()).rejects.toThrow(/checkpoint/);
  });
});
