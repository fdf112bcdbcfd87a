// Keyset pagination: a walk sees every sale that existed when it started exactly once, while new
// checkouts arrive and statuses change underneath; prev_cursor goes back; cursors are base64 JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, control, listOf } from "./helpers";

let sim: RunningSimulator;
const clock = new FakeClock();
beforeAll(async () => {
  sim = await startSimulator({ now: HISTORY_END, clock, rateLimit: 0, sales: 2500 });
});
afterAll(() => sim.close());

describe("pagination under concurrent changes", () => {
  it("every pre-existing sale exactly once while sales are added and statuses change", async () => {
    const before = sim.truth().totalSales;
    const seen = new Map<string, number>();
    let cursor: string | null = null;
    let pages = 0;
    const created: string[] = [];
    do {
      const r = await call(sim, `/sales?per_page=37${cursor ? `&cursor=${cursor}` : ""}`);
      expect(r.status).toBe(200);
      const { items, pagination } = listOf(r.json);
      for (const s of items) seen.set(s.id, (seen.get(s.id) ?? 0) + 1);
      cursor = pagination.next_cursor;
      pages++;
      // Between pages: new checkouts arrive, pending ones resolve, completed ones settle.
      clock.advance(60_000);
      const c = await control(sim, "POST", "/checkouts", {});
      expect(c.status).toBe(201);
      created.push(c.json.sale.id);
      if (pages % 3 === 0) expect((await control(sim, "POST", `/sales/${created[created.length - 1]}/complete`)).status).toBe(200);
      if (pages % 5 === 0) expect((await control(sim, "POST", "/tick")).status).toBe(200);
    } while (cursor);
    expect(pages).toBe(Math.ceil(before / 37));
    expect(seen.size).toBe(before);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    for (const id of created) expect(seen.has(id)).toBe(false); // newer than the walk's start
    expect(sim.truth().totalSales).toBeGreaterThanOrEqual(before + pages);
    // A new walk starts from the newest: the live checkouts are at the top.
    const top = listOf((await call(sim, "/sales?per_page=3")).json).items.map((s: { id: string }) => s.id);
    expect(top[0]).toBe(created[created.length - 1]);
  });

  it("prev_cursor returns the previous page; first page has none; invalid cursor is 400", async () => {
    const p1 = await call(sim, "/sales?per_page=10");
    expect(listOf(p1.json).pagination.prev_cursor).toBeNull();
    const p2 = await call(sim, `/sales?per_page=10&cursor=${listOf(p1.json).pagination.next_cursor}`);
    const prev = listOf(p2.json).pagination.prev_cursor;
    expect(prev).toBeTruthy();
    const back = await call(sim, `/sales?per_page=10&cursor=${prev}`);
    expect(listOf(back.json).items.map((s: { id: string }) => s.id)).toEqual(listOf(p1.json).items.map((s: { id: string }) => s.id));
    expect((await call(sim, "/sales?cursor=eyJmb28iOjF9")).status).toBe(400); // {"foo":1}
  });

  it("status-filtered walk is consistent with truth at a fixed moment", async () => {
    const truth = sim.truth();
    let cursor: string | null = null;
    let n = 0;
    do {
      const r = await call(sim, `/sales?status=completed&per_page=100${cursor ? `&cursor=${cursor}` : ""}`);
      const { items, pagination } = listOf(r.json);
      n += items.length;
      cursor = pagination.next_cursor;
    } while (cursor);
    expect(n).toBe(truth.byStatus.completed);
  });
});
