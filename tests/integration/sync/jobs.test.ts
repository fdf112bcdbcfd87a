// Reconciliation, enrichment and the engine's cadence against the simulator, on both engines.
import { afterEach, expect, it } from "vitest";
import { createChariowClient, createMemoryBudgetStore, createScheduler } from "@/lib/chariow";
import { enrichmentCoverage } from "@/lib/mirror";
import { createSyncEngine, getSyncStatus, loadBackfillState, readLease, requestSyncNow, runBackfillSlice, runEnrichment, runReconciliationSlice, startSyncRunner } from "@/lib/sync";
import { saveCheckpoint } from "@/lib/sync/checkpoints";
import { reconciliationDue } from "@/lib/sync/reconciliation";
import type { RunningSimulator } from "@/simulator/index";
import { describeEachEngine } from "../db/engines";
import { NOW, control, expectedTotals, mirrorTotals, startTestSimulator, testClient, testContext } from "./harness";

describeEachEngine("sync jobs", ({ db }) => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("reconciliation finds months that drifted, records the counts, and the backfill re-reads them", async () => {
    const started = await startTestSimulator({ sales: 900 });
    sim = started.sim;
    const ctx = testContext(db().db, testClient(sim, started.clock), started.clock);
    await runBackfillSlice(ctx);
    // Lose three sales of one month (as if a page had been skipped).
    const victims = await db().db.selectFrom("sales").select(["id", "created_at", "status"]).where("created_at", "like", "2025-11%").limit(3).execute();
    expect(victims).toHaveLength(3);
    await db().db.deleteFrom("sales").where("id", "in", victims.map((v) => v.id)).execute();

    let pass = await runReconciliationSlice(ctx);
    expect(pass.passDone).toBe(true);
    expect(pass.driftedMonths).toBe(1);
    const drift = await db().db.selectFrom("reconciliation_drift").selectAll().execute();
    const truthMonth = sim.truth().byMonth["2025-11"];
    const lost: Record<string, number> = {};
    for (const v of victims) lost[v.status] = (lost[v.status] ?? 0) + 1;
    expect(drift.map((d) => ({ month: d.month, status: d.status, api: d.api_count, mirror: d.mirror_count })).sort((a, b) => a.status.localeCompare(b.status))).toEqual(
      Object.entries(lost)
        .map(([status, n]) => ({ month: "2025-11", status, api: truthMonth[status as keyof typeof truthMonth], mirror: truthMonth[status as keyof typeof truthMonth] - n }))
        .sort((a, b) => a.status.localeCompare(b.status)),
    );
    expect((await loadBackfillState(ctx))?.requeue.map((r) => [r.from, r.to])).toEqual([["2025-11-01", "2025-11-30"]]);
    const before = sim.requestCount();
    const refill = await runBackfillSlice(ctx);
    expect(refill.done).toBe(true);
    expect(sim.requestCount() - before).toBe(Math.ceil(Object.values(truthMonth).reduce((a, b) => a + b, 0) / 100)); // only that month
    expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
    pass = await runReconciliationSlice(ctx);
    expect(pass.driftedMonths).toBe(0);
    expect(await db().db.selectFrom("reconciliation_drift").selectAll().execute()).toEqual([]);
  });

  it("enrichment spends only the leftover budget, keeps the reserve, and fills in the detail", async () => {
    const started = await startTestSimulator({ sales: 300, rateLimit: 0 });
    sim = started.sim;
    const { clock } = started;
    await runBackfillSlice(testContext(db().db, testClient(sim, clock), clock));
    const limited = await startTestSimulator({ sales: 300, rateLimit: 10, clock });
    try {
      const scheduler = createScheduler({ clock, store: createMemoryBudgetStore() });
      const client = createChariowClient({ baseUrl: limited.sim.baseUrl, apiKey: limited.sim.apiKey, scheduler, clock });
      await client.listSales({ per_page: 1 }, { priority: "background" });
      await client.listSales({ per_page: 1 }, { priority: "background" }); // 8 left in this window
      const start = limited.sim.requestCount();
      const before = await enrichmentCoverage(db().db);
      const r = await runEnrichment(testContext(db().db, client, clock), { reserve: 3 });
      expect(r.requests).toBe(5);
      expect(limited.sim.requestCount() - start).toBe(5);
      expect(scheduler.state().remaining).toBe(3);
      const after = await enrichmentCoverage(db().db);
      expect(after.settlementKnown + after.channelKnown).toBeGreaterThan(before.settlementKnown + before.channelKnown);
      expect(after.channelKnown - before.channelKnown).toBeGreaterThan(0);
      // Nothing left above the reserve: no request at all.
      expect((await runEnrichment(testContext(db().db, client, clock), { reserve: 3 })).requests).toBe(0);
    } finally {
      await limited.sim.close();
    }
  });

  it("engine cadence: incremental every minute or on 'sync now', enrichment and the licences walk after the backfill, reconciliation a day later", async () => {
    const started = await startTestSimulator({ sales: 400 });
    sim = started.sim;
    const { clock } = started;
    const engine = createSyncEngine({ db: db().db, client: testClient(sim, clock), timeZone: "Africa/Abidjan", instanceId: "one", clock, backfillSliceRequests: 10, enrichment: { maxRequests: 5 } });
    const ran: string[][] = [];
    let report = await engine.tick();
    ran.push(report.ran);
    // During the backfill the incremental leaves the backfill's days to it: nothing read twice.
    const first = await db().db.selectFrom("sync_status").select("counts").where("job", "=", "incremental").executeTakeFirstOrThrow();
    expect(JSON.parse(first.counts ?? "{}")).toMatchObject({ requests: 0 });
    while (!report.backfillDone) {
      report = await engine.tick();
      ran.push(report.ran);
    }
    expect(ran[0]).toEqual(["incremental", "backfill"]);
    expect(ran.flat().filter((j) => j === "incremental")).toHaveLength(1); // no minute has passed
    // The backfill has just read every page: no reconciliation pass re-reads them before the enrichment.
    expect(ran.flat()).not.toContain("reconciliation");
    // The licences walk waits for the backfill, then reads every licence (a few pages) before the enrichment.
    expect(ran.slice(0, -1).flat()).not.toContain("licences");
    // The affiliate lookups come last, after the enrichment, at most once a minute.
    expect(ran.at(-1)).toEqual(["backfill", "licences", "enrichment", "affiliates"]);
    const licences = await db().db.selectFrom("sale_licences").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(licences.n)).toBe(sim.truth().licences);
    // Not a minute later: nothing but enrichment; a "sync now" runs the incremental at once.
    expect((await engine.tick()).ran).toEqual(["enrichment"]);
    await requestSyncNow(db().db, { id: "u1", email: "owner@example.com", role: "owner" });
    expect((await engine.tick()).ran).toEqual(["incremental", "enrichment"]);
    clock.advance(61_000);
    expect((await engine.tick()).ran).toContain("incremental");
    clock.advance(24 * 3600_000);
    expect((await engine.tick()).ran).toContain("reconciliation");
    // A whole pass, then the next one is a day away again.
    while ((report = await engine.tick()).ran.includes("reconciliation") && !report.ran.includes("enrichment"));
    expect((await engine.tick()).ran).toEqual(["enrichment"]);
    const audit = await db().db.selectFrom("audit_log").select(["action", "actor_email"]).execute();
    expect(audit).toEqual([{ action: "sync.run_requested", actor_email: "owner@example.com" }]);
    await expect(requestSyncNow(db().db, { id: "u2", email: "m@example.com", role: "marketing" })).rejects.toThrow(/owners and admins/);
  });

  it("startSyncRunner runs in the background until stopped, then releases the lease", async () => {
    const started = await startTestSimulator({ sales: 300 });
    sim = started.sim;
    const { clock } = started;
    const runner = startSyncRunner({ db: db().db, client: testClient(sim, clock), timeZone: "Africa/Abidjan", instanceId: "bg", clock, backfillSliceRequests: 5 });
    for (let i = 0; i < 200 && !(await runner.status()).backfill.done; i++) await new Promise((r) => setTimeout(r, 20));
    const status = await runner.status();
    expect(status.backfill.done).toBe(true);
    expect(status.leaseHolder).toBe("bg");
    expect(status.lastSuccessAt).not.toBeNull();
    await runner.stop();
    expect((await readLease(db().db))?.holder).toBeNull();
    expect((await getSyncStatus(db().db)).leaseHolder).toBeNull();
    expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
  });

  it("a long reconciliation pass pushes the next one back (never more than a fifth of the budget)", async () => {
    const day = 24 * 3600_000;
    const state = { months: null, index: 0, cursor: null, counts: {}, driftedMonths: 0, passStartedAt: null, lastPassAt: NOW.toISOString() };
    const at = (ms: number) => ({ db: db().db, clock: { now: () => NOW.getTime() + ms, sleep: async () => undefined } });
    await saveCheckpoint(db().db, "reconciliation", { ...state, lastPassMs: 10 * 60_000 }, NOW.getTime());
    expect(await reconciliationDue(at(day - 1), day)).toBe(false);
    expect(await reconciliationDue(at(day), day)).toBe(true);
    await saveCheckpoint(db().db, "reconciliation", { ...state, lastPassMs: 17 * 3600_000 }, NOW.getTime()); // a 1M-sale store
    expect(await reconciliationDue(at(day), day)).toBe(false);
    expect(await reconciliationDue(at(68 * 3600_000), day)).toBe(true);
  });

  it("a sale created on the backfill's first day after that day was read is caught once the backfill ends, days later", async () => {
    const started = await startTestSimulator({ sales: 600, rateLimit: 10 });
    sim = started.sim;
    const { clock } = started;
    const engine = createSyncEngine({ db: db().db, client: testClient(sim, clock, { assumedLimit: 10 }), timeZone: "Africa/Abidjan", instanceId: "one", clock, jobs: { enrichment: false, reconciliation: false } });
    let report = await engine.tick();
    while (((await loadBackfillState({ db: db().db }))?.windowsDone ?? 0) < 1) report = await engine.tick();
    // The newest window is read; now a checkout arrives on that same (anchor) day…
    const late = (await control(sim, "/checkouts")).json as { sale: { id: string } };
    // …and the backfill goes on for two more days (a big store at 10 requests a minute).
    clock.advance(2 * 24 * 3600_000);
    while (!report.backfillDone) report = await engine.tick();
    clock.advance(61_000);
    await engine.tick();
    expect(await db().db.selectFrom("sales").select("status").where("id", "=", late.sale.id).executeTakeFirst()).toEqual({ status: "awaiting_payment" });
    expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
  });

  it("while Chariow fails the status turns stale; 'sync now' tries again at once, without waiting out the backoff", async () => {
    const started = await startTestSimulator({ sales: 300 });
    sim = started.sim;
    const { clock } = started;
    const engine = createSyncEngine({ db: db().db, client: testClient(sim, clock), timeZone: "Africa/Abidjan", instanceId: "one", clock, errorBackoffMs: 10 * 60_000, jobs: { enrichment: false, reconciliation: false } });
    let report = await engine.tick();
    while (!report.backfillDone) report = await engine.tick();
    expect((await getSyncStatus(db().db, clock.now())).stale).toBe(false);

    sim.setFaults({ errorRate: 1 });
    clock.advance(61_000);
    await engine.tick(); // the minute's incremental fails: backed off for 10 minutes
    const down = await getSyncStatus(db().db, clock.now());
    expect(down.stale).toBe(true);
    expect(down.lastError?.kind).toBeDefined();

    sim.setFaults({});
    clock.advance(5_000);
    const quiet = sim.requestCount();
    await engine.tick(); // still backed off: nothing is asked of Chariow
    expect(sim.requestCount()).toBe(quiet);
    await requestSyncNow(db().db, { id: "u1", email: "owner@example.com", role: "owner" });
    expect((await engine.tick()).ran).toContain("incremental");
    expect(sim.requestCount()).toBeGreaterThan(quiet);
    const up = await getSyncStatus(db().db, clock.now());
    expect(up.stale).toBe(false);
    expect(up.lastError).toBeNull();
  });
});
