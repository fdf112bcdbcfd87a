// The background affiliate lookups against the simulator over real HTTP, on both engines: an affiliate the
// store knows only from a sale detail (its code read from the sale's store affiliate) gets its name, status
// and e-mail from GET /affiliates/{code}, checked against the simulator's own records; a code is never
// asked again within 15 minutes and a code Chariow does not know waits longer each time; and the job is
// the lowest priority: with the budget nearly spent, or another call waiting, it sends nothing.
import { afterEach, expect, it } from "vitest";
import { createChariowClient, createMemoryBudgetStore, createScheduler, type ChariowClient, type Sale } from "@/lib/chariow";
import { listKnownAffiliates } from "@/lib/affiliates/queries";
import { upsertSales } from "@/lib/mirror";
import { affiliateFromSale, upsertAffiliate } from "@/lib/mirror/affiliates";
import { loadAffiliateLookups, runAffiliateLookups } from "@/lib/sync";
import type { RunningSimulator } from "@/simulator/index";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";
import { startTestSimulator, testClient, testContext } from "./harness";

const MIN = 60_000;

describeEachEngine("background affiliate lookups", ({ db }) => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  /** Sale details of the simulator that name an affiliate, read like the enrichment reads them. */
  async function affiliateSaleDetails(client: ChariowClient, want: number): Promise<Sale[]> {
    const out: Sale[] = [];
    for (const summary of (await client.listSales({ per_page: 100 })).items) {
      const detail = await client.getSale(summary.id);
      if (detail.storeAffiliate) out.push(detail);
      if (out.length === want) break;
    }
    return out;
  }

  /** Affiliates known only from a sale: the code and id a sale gave, nothing else. */
  async function knownFromSales(codes: { id: string; code: string }[]) {
    const sales = codes.map((c, i) => ({ ...saleDetail({ id: `s_${i}`, channel: "affiliate", createdAt: "2026-05-01T10:00:00Z", completedAt: "2026-05-01T10:01:00Z" }), storeAffiliate: c }));
    await upsertSales(db().db, sales, { source: "detail", receivedAt: "2026-05-02T00:00:00Z", timeZone: "UTC" });
  }

  it("fills the code, name and status of an affiliate known only from a sale, keeping 'sale' as its source", async () => {
    const started = await startTestSimulator({ sales: 300 });
    sim = started.sim;
    const client = testClient(sim, started.clock);
    const [detail] = await affiliateSaleDetails(client, 1);
    expect(detail).toBeDefined();
    await upsertSales(db().db, [detail], { source: "detail", receivedAt: "2026-05-02T00:00:00Z", timeZone: "UTC" });
    const truth = sim.truth().affiliates.find((a) => a.id === detail.storeAffiliate!.id)!;
    // Known from the sale: its code (the sale's store affiliate carries it in its account), no name, no status.
    const before = await db().db.selectFrom("affiliates").selectAll().execute();
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ key: truth.code, code: truth.code, name: null, status: null, email: null, source: "sale" });

    const requests = sim.requestCount();
    const r = await runAffiliateLookups(testContext(db().db, client, started.clock));
    expect(r).toEqual({ requests: 1, found: 1, notFound: 0, failed: 0, left: 0 });
    expect(sim.requestCount() - requests).toBe(1);
    const after = await db().db.selectFrom("affiliates").selectAll().executeTakeFirstOrThrow();
    expect(after).toMatchObject({ code: truth.code, status: truth.status, email: truth.email.toLowerCase(), source: "sale" });
    expect(after.name).toEqual(expect.any(String));
    // The Affiliates page's list shows them named.
    const known = await listKnownAffiliates(db().db, {});
    expect(known.affiliates.map((a) => [a.code, a.status, a.name !== null])).toEqual([[truth.code, truth.status, true]]);
    // Complete now: the next run asks nothing.
    expect((await runAffiliateLookups(testContext(db().db, client, started.clock))).requests).toBe(0);
    expect(sim.requestCount() - requests).toBe(1);
  });

  it("never asks a code again within 15 minutes; an unknown code waits longer each time", async () => {
    const started = await startTestSimulator({ sales: 50 });
    sim = started.sim;
    const { clock } = started;
    const ctx = testContext(db().db, testClient(sim, clock), clock);
    await knownFromSales([{ id: "saff_ghost", code: "GHOST404" }]);
    const asked = () => sim!.requestCount();
    const base = asked();
    const run = async () => (await runAffiliateLookups(ctx)).requests;

    expect(await run()).toBe(1); // 404: not known to Chariow
    expect((await loadAffiliateLookups(ctx)).GHOST404).toMatchObject({ outcome: "not_found", failures: 1 });
    clock.advance(14 * MIN);
    expect(await run()).toBe(0);
    clock.advance(2 * MIN); // 16 min after the first lookup
    expect(await run()).toBe(1);
    expect((await loadAffiliateLookups(ctx)).GHOST404).toMatchObject({ outcome: "not_found", failures: 2 });
    clock.advance(29 * MIN); // the second failure waits 30 minutes
    expect(await run()).toBe(0);
    clock.advance(2 * MIN);
    expect(await run()).toBe(1);
    expect(asked() - base).toBe(3);
    // Still unknown: the row keeps its code and waits.
    expect(await db().db.selectFrom("affiliates").select(["code", "name", "status"]).execute()).toEqual([{ code: "GHOST404", name: null, status: null }]);
  });

  it("spends nothing when the budget is nearly spent or another call waits, and at most the leftover above the reserve", async () => {
    const started = await startTestSimulator({ sales: 50, rateLimit: 10 });
    sim = started.sim;
    const { clock } = started;
    const truth = sim.truth().affiliates.slice(0, 3);
    await knownFromSales(truth.map((a) => ({ id: a.id, code: a.code })));
    const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ resetMarginMs: 0 }) });
    const client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock });
    const ctx = testContext(db().db, client, clock);
    // 6 of the minute's 10 requests spent by the sync: 4 left, under the reserve of 5.
    for (let i = 0; i < 6; i++) await client.getStore({ priority: "background" });
    expect(scheduler.state().remaining).toBe(4);
    const before = sim.requestCount();
    expect(await runAffiliateLookups(ctx)).toEqual({ requests: 0, found: 0, notFound: 0, failed: 0, left: 3 });
    expect(sim.requestCount()).toBe(before);
    expect(await loadAffiliateLookups(ctx)).toEqual({});

    // A new window (10 left) but a sync call waiting in the queue: still nothing.
    clock.advance(61_000);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const slow = createScheduler({ clock, store: createMemoryBudgetStore({ resetMarginMs: 0 }), maxConcurrency: 1 });
    const slowClient = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler: slow, clock, fetch: async (input, init) => (await held, fetch(input, init)) });
    const inFlight = slowClient.getStore({ priority: "background" });
    const waiting = slowClient.getStore({ priority: "background" });
    await new Promise((r) => setImmediate(r));
    expect(slow.state().queued.background).toBe(1);
    expect((await runAffiliateLookups(testContext(db().db, slowClient, clock))).requests).toBe(0);
    release();
    await Promise.all([inFlight, waiting]);

    // The simulator counts per key: the two calls above and one more leave 7 in the window (the headers
    // say so): 2 above the reserve, so 2 of the 3 codes now, the third at the next run.
    await client.getStore({ priority: "background" });
    expect(scheduler.state().remaining).toBe(7);
    expect(await runAffiliateLookups(ctx)).toMatchObject({ requests: 2, found: 2, left: 1 });
    expect(scheduler.state().remaining).toBe(5);
    const named = await db().db.selectFrom("affiliates").select(["code", "status"]).where("status", "is not", null).orderBy("code").execute();
    expect(named).toHaveLength(2);
    for (const a of named) expect(a.status).toBe(truth.find((t) => t.code === a.code)!.status);
  });

  it("an affiliate known only by an id (no code) is not looked up", async () => {
    const started = await startTestSimulator({ sales: 50 });
    sim = started.sim;
    const ctx = testContext(db().db, testClient(sim, started.clock), started.clock);
    await upsertAffiliate(db().db, affiliateFromSale({ id: "saff_nocode", code: null }), "sale");
    const before = sim.requestCount();
    expect(await runAffiliateLookups(ctx)).toMatchObject({ requests: 0, left: 0 });
    expect(sim.requestCount()).toBe(before);
  });
});
