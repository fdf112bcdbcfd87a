// A 100k-sale store builds quickly from compact indexes and its filters still answer correctly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, listOf } from "./helpers";

let sim: RunningSimulator;
let buildMs = 0;
beforeAll(async () => {
  const t0 = performance.now();
  sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, sales: 100_000 });
  buildMs = performance.now() - t0;
});
afterAll(() => sim.close());

describe("100k-sale store", () => {
  it("starts in seconds, not minutes", () => {
    expect(sim.truth().totalSales).toBe(100_000);
    expect(buildMs).toBeLessThan(10_000); // generous for a loaded CI machine; measured ≈0.1 s
  });

  it("status, date, customer and search filters work at this size", async () => {
    const t = sim.truth();
    const aw = await call(sim, "/sales?status=awaiting_payment&per_page=100");
    expect(listOf(aw.json).items.every((s: { status: string }) => s.status === "awaiting_payment")).toBe(true);
    expect(listOf(aw.json).items.length).toBe(Math.min(100, t.byStatus.awaiting_payment));
    const month = Object.keys(t.byMonth).sort()[10];
    const dated = listOf((await call(sim, `/sales?start_date=${month}-01&end_date=${month}-28&per_page=100`)).json).items;
    expect(dated).toHaveLength(100);
    expect(dated.every((s: { created_at: string }) => s.created_at.startsWith(month))).toBe(true);
    const some = listOf((await call(sim, "/sales?per_page=100&cursor=eyJpZCI6NTAwMDB9")).json).items; // {"id":50000}
    const cust = some[0].customer;
    const mine = listOf((await call(sim, `/sales?customer_id=${cust.id}&per_page=100`)).json).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s: { customer: { id: string } }) => s.customer.id === cust.id)).toBe(true);
    const found = listOf((await call(sim, `/sales?search=${encodeURIComponent(cust.email)}&per_page=100`)).json).items;
    expect(found.map((s: { id: string }) => s.id).sort()).toEqual(mine.map((s: { id: string }) => s.id).sort());
    const byId = listOf((await call(sim, `/sales?search=${some[5].id}`)).json).items;
    expect(byId.map((s: { id: string }) => s.id)).toContain(some[5].id);
    expect((await call(sim, `/sales/${some[5].id}`)).json.data.id).toBe(some[5].id);
  });
});
