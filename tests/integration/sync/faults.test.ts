// The engine loop through a hostile API: a 429 storm, 5xx bursts (JSON and HTML), dropped sockets,
// timeouts and malformed 200 pages. The backfill still ends equal to the ground truth, with nothing
// counted twice in the rollups, and the failures are visible in the sync status.
import { afterEach, expect, it } from "vitest";
import { createSyncEngine, getSyncStatus, loadBackfillState } from "@/lib/sync";
import type { RunningSimulator } from "@/simulator/index";
import { describeEachEngine } from "../db/engines";
import { expectedTotals, mirrorTotals, rollupTotals, salesTableTotals, startTestSimulator, testClient, type FetchLikeForTests } from "./harness";

describeEachEngine("sync under faults", ({ db }) => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  for (const dialect of ["current", "legacy"] as const)
  it(`survives 429 storms, 5xx, drops, timeouts and malformed pages with nothing lost or double-counted (${dialect})`, async () => {
    const started = await startTestSimulator({
      dialect,
      sales: 1500,
      faults: { seed: 3, storm429: 6, stormRetryAfter: 2, errorRate: 0.2, htmlRate: 0.05, dropRate: 0.03, timeoutRate: 0.02 },
    });
    sim = started.sim;
    const { clock } = started;
    // Every 9th sales page arrives as a 200 that is not JSON, every 31st as JSON of the wrong shape (a sale
    // without its fields): neither is retried by the client, so the job fails without writing that page
    // and the engine resumes from the last checkpoint on its next tick.
    let listCalls = 0;
    let wrongShape = 0;
    const corrupting: FetchLikeForTests = async (input, init) => {
      const res = await fetch(input, init);
      if (!input.includes("/sales?")) return res;
      listCalls++;
      if (listCalls % 9 === 0) {
        await res.arrayBuffer();
        return new Response("<html>gateway says hi", { status: 200, headers: { "content-type": "application/json" } });
      }
      if (listCalls % 31 === 0 && res.status === 200) { // a real page whose body lies (not a 429 or 5xx turned into one)
        wrongShape++;
        // Nested (current) or flat (legacy) list shape, chariow-api.md §3.
        const body = (await res.json()) as { data: Array<Record<string, unknown>> | { data: Array<Record<string, unknown>> } };
        const breakFirst = (items: Array<Record<string, unknown>>) => items.map((sale, i) => (i === 0 ? { id: sale.id, amount: "lots" } : sale));
        const broken = Array.isArray(body.data) ? { ...body, data: breakFirst(body.data) } : { ...body, data: { ...body.data, data: breakFirst(body.data.data) } };
        return new Response(JSON.stringify(broken), { status: 200, headers: { "content-type": "application/json" } });
      }
      return res;
    };
    const errors: string[] = [];
    const client = testClient(sim, clock, { fetch: corrupting, timeoutMs: 300 });
    const seen = { rateLimited: 0, retries: new Set<string>() };
    client.scheduler.subscribe((event) => {
      if (event.type === "rate_limited") seen.rateLimited++;
      if (event.type === "retry") seen.retries.add(event.reason.startsWith("http_5") ? "5xx" : event.reason);
    });
    const engine = createSyncEngine({
      db: db().db,
      client,
      timeZone: "Africa/Abidjan",
      instanceId: "faulty",
      clock,
      errorBackoffMs: 1_000,
      jobs: { incremental: false, enrichment: false, reconciliation: false },
      onError: (job, e) => errors.push(`${job}: ${e instanceof Error ? e.name : String(e)}`),
    });
    let sawFailureInStatus = false;
    for (let i = 0; i < 500; i++) {
      const report = await engine.tick();
      if ((await getSyncStatus(db().db, clock.now())).lastError) sawFailureInStatus = true;
      if (report.backfillDone) break;
      clock.advance(Math.max(0, report.nextAt - clock.now()) + 1_000);
    }
    // Each kind of fault really happened.
    expect(seen.rateLimited).toBeGreaterThanOrEqual(6);
    expect([...seen.retries].sort()).toEqual(expect.arrayContaining(["5xx", "network", "timeout"]));
    expect(errors.some((e) => e.includes("ChariowMalformedResponseError"))).toBe(true);
    expect(wrongShape).toBeGreaterThan(0);
    expect(sawFailureInStatus).toBe(true);
    expect((await loadBackfillState({ db: db().db }))?.phase).toBe("done");
    expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
    expect(await rollupTotals(db().db)).toEqual(await salesTableTotals(db().db));
    // A later success clears the stale flag.
    const status = await getSyncStatus(db().db, clock.now());
    expect(status.lastError).toBeNull();
    expect(status.stale).toBe(false);
  });
});
