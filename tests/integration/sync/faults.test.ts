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

  it("survives 429 storms, 5xx, drops, timeouts and malformed pages with nothing lost or double-counted", async () => {
    const started = await startTestSimulator({
      sales: 1500,
      faults: { seed: 3, storm429: 6, stormRetryAfter: 2, errorRate: 0.2, htmlRate: 0.05, dropRate: 0.03, timeoutRate: 0.02 },
    });
    sim = started.sim;
    const { clock } = started;
    // Every 9th sales page arrives as a 200 that is not JSON: not retried by the client, so the job fails
    // and the engine resumes from the last checkpoint on its next tick.
    let listCalls = 0;
    const corrupting: FetchLikeForTests = async (input, init) => {
      const res = await fetch(input, init);
      if (input.includes("/sales?") && ++listCalls % 9 === 0) {
        await res.arrayBuffer();
        return new Response("<html>gateway says hi", { status: 200, headers: { "content-type": "application/json" } });
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
