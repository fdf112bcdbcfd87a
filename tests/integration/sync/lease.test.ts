// The sync lease on both engines: one holder at a time (also under concurrent attempts from separate
// connection pools), renewal, release, and a crashed holder's lease taken over after expiry by a second
// SyncEngine that resumes the backfill where the first one stopped.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDatabase } from "@/lib/db";
import { acquireLease, createSyncEngine, loadBackfillState, readLease, releaseLease, renewLease, runBackfillSlice } from "@/lib/sync";
import type { RunningSimulator } from "@/simulator/index";
import { ENGINES, createTestDatabase, noticePostgresSkipped, type TestDatabase } from "../db/engines";
import { expectedTotals, mirrorTotals, startTestSimulator, testClient, testContext } from "./harness";

const TTL = 60_000;

describe.each(ENGINES)("sync lease [%s]", (engine) => {
  let target: TestDatabase;
  let a: OpenedDatabase;
  let b: OpenedDatabase;
  let sim: RunningSimulator | undefined;
  beforeEach(async () => {
    target = await createTestDatabase(engine);
    a = await openDatabase(target.url);
    // Two instances = two connection pools on PostgreSQL; SQLite instances share the file through one
    // handle here (better-sqlite3 is synchronous: two handles in one process would block each other).
    b = engine === "postgres" ? await openDatabase(target.url) : a;
  });
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
    if (b !== a) await b.close();
    await a.close();
    await target.drop();
  });

  it("one holder at a time; renewal; expiry; release", async () => {
    const t0 = 1_000_000;
    expect(await acquireLease(a.db, "A", t0, TTL)).toBe(true);
    expect(await acquireLease(b.db, "B", t0 + 1, TTL)).toBe(false);
    expect(await renewLease(a.db, "A", t0 + 30_000, TTL)).toBe(true); // now valid until t0 + 90 s
    expect(await acquireLease(b.db, "B", t0 + 80_000, TTL)).toBe(false);
    expect(await renewLease(b.db, "B", t0 + 80_000, TTL)).toBe(false); // not B's to renew
    // Expired but not taken: still A's to renew (a long rate-limit wait is not a crash).
    expect(await renewLease(a.db, "A", t0 + 95_000, TTL)).toBe(true); // valid until t0 + 155 s
    expect(await acquireLease(b.db, "B", t0 + 100_000, TTL)).toBe(false);
    // A stops renewing (crash): after expiry B takes over and A can no longer renew.
    expect(await acquireLease(b.db, "B", t0 + 155_000, TTL)).toBe(true);
    expect(await renewLease(a.db, "A", t0 + 155_001, TTL)).toBe(false);
    expect(await readLease(a.db)).toEqual({ holder: "B", expiresAt: t0 + 155_000 + TTL });
    await releaseLease(a.db, "A"); // not A's: no effect
    expect((await readLease(a.db))?.holder).toBe("B");
    await releaseLease(b.db, "B");
    expect(await acquireLease(a.db, "A", t0 + 156_000, TTL)).toBe(true);
  });

  it("twenty concurrent attempts from two pools: exactly one wins", async () => {
    const now = 5_000_000;
    const attempts = Array.from({ length: 20 }, (_, i) => acquireLease(i % 2 ? b.db : a.db, `inst-${i}`, now, TTL));
    const won = (await Promise.all(attempts)).filter(Boolean);
    expect(won).toHaveLength(1);
  });

  it("two engines: only the holder syncs; after the holder dies the other takes over and resumes", async () => {
    const started = await startTestSimulator({ sales: 900 });
    sim = started.sim;
    const { clock } = started;
    const refStart = sim.requestCount();
    // What a single uninterrupted backfill costs (then forget it).
    await runBackfillSlice(testContext(a.db, testClient(sim, clock), clock));
    const fullCost = sim.requestCount() - refStart;
    for (const t of ["sales", "sales_rollup_daily", "sync_checkpoints"] as const) await a.db.deleteFrom(t).execute();

    const options = { timeZone: "Africa/Abidjan", clock, leaseTtlMs: TTL, backfillSliceRequests: 5, jobs: { incremental: false, enrichment: false, reconciliation: false, licences: false } };
    const engineA = createSyncEngine({ ...options, db: a.db, client: testClient(sim, clock), instanceId: "A" });
    const engineB = createSyncEngine({ ...options, db: b.db, client: testClient(sim, clock), instanceId: "B" });
    const start = sim.requestCount();
    const tickA = await engineA.tick();
    expect(tickA).toMatchObject({ holdsLease: true, ran: ["backfill"] });
    const afterA = sim.requestCount();
    expect(afterA - start).toBe(5);
    const tickB = await engineB.tick();
    expect(tickB).toMatchObject({ holdsLease: false, ran: [] });
    expect(sim.requestCount()).toBe(afterA); // B spent nothing

    // A dies without releasing. Until expiry B still waits; after it, B takes over.
    clock.advance(TTL - 1_000);
    expect((await engineB.tick()).holdsLease).toBe(false);
    clock.advance(2_000);
    let report = await engineB.tick();
    expect(report.holdsLease).toBe(true);
    while (!report.backfillDone) report = await engineB.tick();
    expect((await engineA.tick()).holdsLease).toBe(false); // A is back, but B holds it now
    expect(sim.requestCount() - start).toBe(fullCost); // B resumed from A's checkpoint: no page read twice
    expect(await mirrorTotals(a.db)).toEqual(expectedTotals(sim.truth()));
    expect((await loadBackfillState({ db: a.db }))?.salesSeen).toBe(sim.truth().totalSales);
    expect((await readLease(a.db))?.holder).toBe("B");
  });
});
noticePostgresSkipped("sync lease");
