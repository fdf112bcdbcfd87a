// getSyncStatus as the freshness UI reads it: nothing yet; a rejected key (stale, kind "unauthorized",
// no key in the message); recovery; the shared budget and the lease holder.
import { afterEach, expect, it } from "vitest";
import { ChariowNotFoundError, ChariowUpstreamUnavailableError, createChariowClient } from "@/lib/chariow";
import { createSharedScheduler, createSyncEngine, getSyncStatus } from "@/lib/sync";
import { recordJobFailure, recordJobNotAvailable, recordJobSuccess } from "@/lib/sync/job-status";
import type { RunningSimulator } from "@/simulator/index";
import { describeEachEngine } from "../db/engines";
import { startTestSimulator } from "./harness";

describeEachEngine("sync status", ({ db }) => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("says nothing has happened yet on a fresh database", async () => {
    expect(await getSyncStatus(db().db)).toEqual({
      lastSuccessAt: null,
      lastErrorAt: null,
      lastError: null,
      stale: false,
      optionalJobs: [{ job: "licences", state: "never", lastRunAt: null, lastSuccessAt: null, lastErrorAt: null, lastError: null }],
      backfill: { done: false, started: false, windowsDone: 0, windowsTotal: 0, salesSeen: 0, etaSeconds: null },
      enrichment: { paidSales: 0, settlementKnown: 0, feesKnown: 0, channelKnown: 0 },
      budget: null,
      leaseHolder: null,
      syncRequestedAt: null,
    });
  });

  it("a rejected key makes the status stale with kind 'unauthorized' (never the key); a working key clears it", async () => {
    const started = await startTestSimulator({ sales: 300, rateLimit: 10 });
    sim = started.sim;
    const { clock } = started;
    const badKey = "sk_live_wrong_key_123456";
    const make = (apiKey: string, instanceId: string, leaseTtlMs: number) =>
      createSyncEngine({
        db: db().db,
        client: createChariowClient({ baseUrl: sim!.baseUrl, apiKey, clock, scheduler: createSharedScheduler(db().db, apiKey, { clock }) }),
        timeZone: "Africa/Abidjan",
        instanceId,
        clock,
        leaseTtlMs,
        onError: () => undefined,
      });
    await make(badKey, "bad", 1_000).tick();
    let status = await getSyncStatus(db().db, clock.now());
    expect(status.stale).toBe(true);
    expect(status.lastError?.kind).toBe("unauthorized");
    expect(JSON.stringify(status)).not.toContain(badKey);
    expect(JSON.stringify(await db().db.selectFrom("sync_status").selectAll().execute())).not.toContain(badKey);
    expect(status.leaseHolder).toBe("bad");

    clock.advance(2_000); // the bad instance's lease expires
    const good = make(sim.apiKey, "good", 60_000);
    let report = await good.tick();
    while (!report.backfillDone) report = await good.tick();
    status = await getSyncStatus(db().db, clock.now());
    expect(status.stale).toBe(false);
    expect(status.lastError).toBeNull();
    expect(status.lastSuccessAt).not.toBeNull();
    expect(status.backfill).toMatchObject({ done: true, started: true, salesSeen: sim.truth().totalSales, etaSeconds: null });
    expect(status.backfill.windowsDone).toBe(status.backfill.windowsTotal);
    expect(status.leaseHolder).toBe("good");
    expect(status.budget?.limit).toBe(10); // learned from the simulator's headers, shared in api_budget
    expect(status.budget!.remaining).toBeLessThanOrEqual(10);
  });

  it("only the sales reads decide health: a licences failure after their last success is the licences job's own state", async () => {
    const t0 = Date.parse("2026-06-01T12:00:00Z");
    await recordJobSuccess(db().db, "incremental", t0, { requests: 2 });
    await recordJobFailure(db().db, "licences", t0 + 1_000, new ChariowUpstreamUnavailableError("Chariow answered HTTP 503", "GET /licenses", 503, "server_error"));
    let status = await getSyncStatus(db().db, t0 + 2_000);
    expect(status).toMatchObject({ stale: false, lastError: null, lastErrorAt: null, lastSuccessAt: new Date(t0).toISOString() });
    expect(status.optionalJobs).toEqual([
      { job: "licences", state: "failing", lastRunAt: new Date(t0 + 1_000).toISOString(), lastSuccessAt: null, lastErrorAt: new Date(t0 + 1_000).toISOString(), lastError: { kind: "unavailable", message: "Chariow answered HTTP 503" } },
    ]);
    await recordJobNotAvailable(db().db, "licences", t0 + 3_000, new ChariowNotFoundError("The route v1/licenses could not be found.", "GET /licenses", 404));
    status = await getSyncStatus(db().db, t0 + 4_000);
    expect(status.stale).toBe(false);
    expect(status.optionalJobs[0]).toMatchObject({ state: "not_available", lastError: { kind: "not_available" } });
    // A later success of the licences walk clears it.
    await recordJobSuccess(db().db, "licences", t0 + 5_000, { requests: 1, licencesSeen: 3 });
    expect((await getSyncStatus(db().db, t0 + 6_000)).optionalJobs[0]).toMatchObject({ state: "ok", lastSuccessAt: new Date(t0 + 5_000).toISOString(), lastError: null });
    // The same failure of a sales read is an outage.
    await recordJobFailure(db().db, "enrichment", t0 + 7_000, new ChariowUpstreamUnavailableError("Chariow answered HTTP 503", "GET /sales/{id}", 503, "server_error"));
    status = await getSyncStatus(db().db, t0 + 8_000);
    expect(status).toMatchObject({ stale: true, lastError: { kind: "unavailable" } });
  });
});
