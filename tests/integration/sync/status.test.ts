// getSyncStatus as the freshness UI reads it: nothing yet; a rejected key (stale, kind "unauthorized",
// no key in the message); recovery; the shared budget and the lease holder.
import { afterEach, expect, it } from "vitest";
import { createChariowClient } from "@/lib/chariow";
import { createSharedScheduler, createSyncEngine, getSyncStatus } from "@/lib/sync";
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
});
