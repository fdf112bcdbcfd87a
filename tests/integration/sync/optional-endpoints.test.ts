// A store without GET /licenses (issue 13): the real sync engine against the simulator's store without
// that endpoint never reports the upstream as failing while the sales sync works; the licences job reads
// "not available for this store" on Settings and is asked again only daily; a later success clears it;
// a real failure of the sales reads still turns the status stale. Both engines.
import { afterEach, expect, it } from "vitest";
import type { VirtualClock } from "@/lib/chariow";
import { getSettingsSyncView, toFreshnessView } from "@/lib/freshness/get-freshness";
import { createSyncEngine, getSyncStatus, notAvailableSince, type SyncEngine } from "@/lib/sync";
import type { RunningSimulator } from "@/simulator/index";
import { describeEachEngine } from "../db/engines";
import { expectedTotals, mirrorTotals, startTestSimulator, testClient, type FetchLikeForTests } from "./harness";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Counts the requests that reach /licenses, and lets 50 ms of virtual time pass per request as a network
 * would (so a failure and the next job's success never share an instant). `answer` may stand in for
 * Chariow on some URLs (a 403 or a 501 the simulator does not serve).
 */
function countingFetch(clock: VirtualClock, answer?: (url: URL) => Response | null) {
  const seen = { licences: 0 };
  const fetchLike: FetchLikeForTests = async (input, init) => {
    const url = new URL(input);
    if (url.pathname.startsWith("/v1/licenses")) seen.licences++;
    clock.advance(50);
    return answer?.(url) ?? fetch(input, init);
  };
  return { seen, fetch: fetchLike };
}

describeEachEngine("sync against a store without optional endpoints", ({ db }) => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  /** Ticks as the loop would (at `nextAt`, at least `step` apart) until `until`, checking after every tick. */
  async function drive(engine: SyncEngine, clock: VirtualClock, until: number, step: number, check: () => Promise<void>) {
    while (clock.now() < until) {
      const report = await engine.tick();
      await check();
      clock.advance(Math.max(step, report.nextAt - clock.now()));
    }
  }

  function healthCheck(clock: VirtualClock) {
    return async () => {
      const status = await getSyncStatus(db().db, clock.now());
      // The banner reads exactly this: never on while the sales reads succeed.
      expect(status.stale, `stale at ${new Date(clock.now()).toISOString()}: ${JSON.stringify(status.lastError)}`).toBe(false);
      expect(toFreshnessView(status, new Date(clock.now())).staleReason).toBeNull();
      expect(status.lastError).toBeNull();
    };
  }

  it("no /licenses: never stale through the backfill and the hours after; licences 'not available', asked again daily; sales equal the truth", async () => {
    const started = await startTestSimulator({ sales: 300 });
    sim = started.sim;
    const { clock } = started;
    sim.setMissingEndpoints(["licenses"]);
    const counted = countingFetch(clock);
    const engine = createSyncEngine({ db: db().db, client: testClient(sim, clock, { fetch: counted.fetch }), timeZone: "Africa/Abidjan", instanceId: "one", clock });
    const healthy = healthCheck(clock);

    let report = await engine.tick();
    await healthy();
    while (!report.backfillDone) {
      report = await engine.tick();
      await healthy();
    }
    // The tick that finished the backfill also tried the licences walk once: one 404.
    expect(counted.seen.licences).toBe(1);
    const firstTry = clock.now();
    let settings = await getSettingsSyncView(db().db, clock.now());
    expect(settings.optionalJobs).toEqual([{ job: "licences", state: "not_available", at: expect.any(String), error: null }]);
    expect(settings.lastError).toBeNull();
    expect(settings.freshness.stale).toBe(false);

    // Three hours of the loop, a tick a minute (incremental every minute, enrichment; the licences job
    // would be due again and again were it not marked): never stale, and /licenses is not asked again.
    await drive(engine, clock, firstTry + 3 * HOUR, 60_000, healthy);
    expect(counted.seen.licences).toBe(1);
    expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
    await drive(engine, clock, firstTry + DAY - 10 * 60_000, 15 * 60_000, healthy);
    expect(counted.seen.licences).toBe(1);

    // A day after the 404, once more (still missing), and then not again for another day.
    await drive(engine, clock, firstTry + DAY + 5 * 60_000, 60_000, healthy);
    expect(counted.seen.licences).toBe(2);
    await drive(engine, clock, firstTry + DAY + 3 * HOUR, 15 * 60_000, healthy);
    expect(counted.seen.licences).toBe(2);
    settings = await getSettingsSyncView(db().db, clock.now());
    expect(settings.optionalJobs[0].state).toBe("not_available");

    // The endpoint appears (the merchant's plan changed): the next daily try reads every licence and the state clears.
    sim.setMissingEndpoints([]);
    await drive(engine, clock, firstTry + 2 * DAY + 30 * 60_000, 15 * 60_000, healthy);
    expect(counted.seen.licences).toBeGreaterThan(2);
    settings = await getSettingsSyncView(db().db, clock.now());
    expect(settings.optionalJobs).toEqual([{ job: "licences", state: "ok", at: expect.any(String), error: null }]);
    expect(await notAvailableSince(db().db, "licences")).toBeNull();
    const licences = await db().db.selectFrom("sale_licences").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(licences.n)).toBe(sim.truth().licences);
    expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
  });

  it("a real failure of the sales reads still turns the status stale in a store without /licenses", async () => {
    const started = await startTestSimulator({ sales: 200 });
    sim = started.sim;
    const { clock } = started;
    sim.setMissingEndpoints(["licenses", "products", "customers"]);
    const engine = createSyncEngine({ db: db().db, client: testClient(sim, clock, { fetch: countingFetch(clock).fetch }), timeZone: "Africa/Abidjan", instanceId: "one", clock, onError: () => undefined });
    let report = await engine.tick();
    while (!report.backfillDone) report = await engine.tick();
    clock.advance(61_000);
    await engine.tick();
    expect((await getSyncStatus(db().db, clock.now())).stale).toBe(false);

    sim.setFaults({ errorRate: 1 });
    clock.advance(61_000);
    await engine.tick(); // the minute's incremental fails
    const down = await getSyncStatus(db().db, clock.now());
    expect(down.stale).toBe(true);
    expect(toFreshnessView(down, new Date(clock.now())).staleReason).toBe("upstream");
    expect(down.lastError?.kind).toBe("unavailable");
    // Settings still tells the licences job apart: not available, not an outage.
    expect(down.optionalJobs.map((j) => j.state)).toEqual(["not_available"]);

    sim.setFaults({});
    clock.advance(11 * 60_000); // past the longest backoff
    await engine.tick();
    expect((await getSyncStatus(db().db, clock.now())).stale).toBe(false);
  });

  for (const [status, body] of [
    [403, { message: "This action is unauthorized.", data: [], errors: [] }],
    [501, { message: "Not Implemented", data: [], errors: [] }],
  ] as const) {
    it(`a ${status} from /licenses is 'not available' too (never stale, never 'key refused'), not asked again for hours`, async () => {
      const started = await startTestSimulator({ sales: 200 });
      sim = started.sim;
      const { clock } = started;
      const counted = countingFetch(clock, (url) =>
        url.pathname.startsWith("/v1/licenses") ? new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }) : null,
      );
      const engine = createSyncEngine({ db: db().db, client: testClient(sim, clock, { fetch: counted.fetch }), timeZone: "Africa/Abidjan", instanceId: "one", clock });
      const healthy = healthCheck(clock);
      let report = await engine.tick();
      while (!report.backfillDone) {
        report = await engine.tick();
        await healthy();
      }
      const tries = counted.seen.licences;
      expect(tries).toBeGreaterThan(0);
      await drive(engine, clock, clock.now() + 3 * HOUR, 60_000, healthy);
      expect(counted.seen.licences).toBe(tries);
      const job = (await getSyncStatus(db().db, clock.now())).optionalJobs[0];
      expect(job).toMatchObject({ job: "licences", state: "not_available", lastError: { kind: "not_available" } });
      expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
    });
  }
});
