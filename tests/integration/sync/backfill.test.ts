// Backfill against the simulator on both database engines and both API dialects: the mirror equals the
// simulator's ground truth, and an interrupted backfill resumes without re-reading finished pages.
import { afterEach, expect, it } from "vitest";
import { loadBackfillState, runBackfillSlice, runIncremental } from "@/lib/sync";
import type { RunningSimulator } from "@/simulator/index";
import { describeEachEngine } from "../db/engines";
import { control, expectedTotals, mirrorTotals, startTestSimulator, testClient, testContext } from "./harness";

class Killed extends Error {}

describeEachEngine("sync backfill", ({ db }) => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  for (const dialect of ["current", "legacy"] as const) {
    it(`a full backfill equals the ground truth: every sale once, per status and per currency to the minor unit (${dialect})`, async () => {
      const started = await startTestSimulator({ dialect, sales: 1200 });
      sim = started.sim;
      const ctx = testContext(db().db, testClient(sim, started.clock), started.clock);
      const result = await runBackfillSlice(ctx);
      expect(result.done).toBe(true);
      expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
      const state = await loadBackfillState(ctx);
      expect(state?.salesSeen).toBe(sim.truth().totalSales);
      expect(state?.windowsDone).toBe(state?.windowsTotal);
      // The earliest-sale search found the first day exactly: the oldest window starts on it.
      expect(state?.earliest).toBe((await db().db.selectFrom("sales").select((eb) => eb.fn.min("created_at").as("m")).executeTakeFirstOrThrow()).m?.slice(0, 10));
    });
  }

  // Killed early (during the search for the first sale) and late (after whole windows were read), in both
  // dialects: the restart reads exactly the pages the uninterrupted walk had left, never one twice.
  for (const dialect of ["current", "legacy"] as const) {
    for (const when of ["early", "late"] as const) {
      it(`killed after K pages (${when}, ${dialect}), a restart resumes without re-reading finished pages and without duplicates`, async () => {
        const started = await startTestSimulator({ dialect, sales: 1500 });
        sim = started.sim;
        const { clock } = started;
        // Reference: what one uninterrupted backfill costs (the count of requests depends only on the API's data).
        const before = sim.requestCount();
        const reference = await runBackfillSlice(testContext(db().db, testClient(sim, clock), clock));
        const fullCost = sim.requestCount() - before;
        expect(reference.requests).toBe(fullCost);
        const windows = (await loadBackfillState({ db: db().db }))?.windowsTotal ?? 0;
        expect(windows).toBeGreaterThan(5);
        await db().db.deleteFrom("sales").execute();
        await db().db.deleteFrom("sync_checkpoints").execute();
        await db().db.deleteFrom("sales_rollup_daily").execute();

        const K = when === "early" ? 7 : fullCost - 4;
        let pages = 0;
        const killing = testContext(db().db, testClient(sim, clock), clock, async () => {
          if (++pages >= K) throw new Killed(); // the process dies right after its K-th checkpoint
        });
        const start1 = sim.requestCount();
        await expect(runBackfillSlice(killing)).rejects.toBeInstanceOf(Killed);
        expect(sim.requestCount() - start1).toBe(K);
        const killedAt = await loadBackfillState({ db: db().db });
        if (when === "late") {
          expect(killedAt?.phase).toBe("walk");
          expect(killedAt?.windowsDone).toBeGreaterThan(0); // finished windows that the restart must skip
        } else expect(killedAt?.phase).toBe("discover");

        const start2 = sim.requestCount();
        const resumed = await runBackfillSlice(testContext(db().db, testClient(sim, clock), clock));
        expect(resumed.done).toBe(true);
        expect(sim.requestCount() - start2).toBe(fullCost - K); // not one page read twice
        expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
        expect((await loadBackfillState({ db: db().db }))?.salesSeen).toBe(sim.truth().totalSales);
      });
    }
  }

  it("an abort in the middle of a request loses nothing: the page is read again on restart", async () => {
    const started = await startTestSimulator({ sales: 800 });
    sim = started.sim;
    const { clock } = started;
    const controller = new AbortController();
    let pages = 0;
    const ctx = { ...testContext(db().db, testClient(sim, clock), clock, async () => {
      if (++pages === 4) controller.abort(); // aborts the next request while it is in flight
    }), signal: controller.signal };
    await expect(runBackfillSlice(ctx)).rejects.toThrow();
    const resumed = await runBackfillSlice(testContext(db().db, testClient(sim, clock), clock));
    expect(resumed.done).toBe(true);
    expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
  });

  it("status changes during the walk (a checkout paid, an old payout settled) end up correct after the incremental", async () => {
    const started = await startTestSimulator({ sales: 600 });
    sim = started.sim;
    const { clock } = started;
    const checkout = (await control(sim, "/checkouts")).json as { sale: { id: string } };
    const ctx = testContext(db().db, testClient(sim, clock), clock);
    // Discovery (~14 probes) and the first pages of the newest window: the new checkout is in.
    await runBackfillSlice(ctx, { maxRequests: 17 });
    const statusOf = async (id: string) => (await db().db.selectFrom("sales").select("status").where("id", "=", id).executeTakeFirst())?.status;
    expect(await statusOf(checkout.sale.id)).toBe("awaiting_payment");
    const held = await db().db.selectFrom("sales").select("id").where("status", "=", "completed").orderBy("created_at").limit(1).executeTakeFirstOrThrow();
    expect((await control(sim, `/sales/${checkout.sale.id}/complete`)).status).toBe(200);
    expect((await control(sim, `/sales/${held.id}/settle`)).status).toBe(200);
    await runBackfillSlice(ctx);
    // The backfill never re-reads a finished window, so both changes are still missing here…
    expect(await statusOf(checkout.sale.id)).toBe("awaiting_payment");
    expect(await statusOf(held.id)).toBe("completed");
    expect(await mirrorTotals(db().db)).not.toEqual(expectedTotals(sim.truth()));
    // …and the incremental (recent days + sales whose status can still change) fixes them.
    const inc = await runIncremental(ctx, { refreshRequests: 50 });
    // ~75 held payouts to re-check over 18 months: one status page each beats 75 GETs.
    expect(inc.refreshPath).toBe("status_lists");
    expect(await statusOf(checkout.sale.id)).toBe("completed");
    expect(await statusOf(held.id)).toBe("settled");
    expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
  });

  it("two sales to re-check are read one by one (2 GETs beat a status list each)", async () => {
    const started = await startTestSimulator({ sales: 400 });
    sim = started.sim;
    const { clock } = started;
    const ctx = testContext(db().db, testClient(sim, clock), clock);
    await runBackfillSlice(ctx);
    const completed = await db().db.selectFrom("sales").select("id").where("status", "=", "completed").orderBy("created_at").execute();
    // All but two were read in detail a minute ago (cool-down); the two oldest are due for a re-check.
    await db().db.updateTable("sales").set({ detail_at: new Date(clock.now() - 60_000).toISOString() }).where("id", "not in", completed.slice(0, 2).map((c) => c.id)).execute();
    await control(sim, `/sales/${completed[0].id}/settle`);
    const before = sim.requestCount();
    const r = await runIncremental(ctx, { refreshRequests: 3 });
    expect(r.refreshPath).toBe("per_id");
    expect(r.refreshed).toBe(2);
    expect(sim.requestCount() - before).toBe(r.requests);
    expect((await db().db.selectFrom("sales").select(["status", "detail_at"]).where("id", "=", completed[0].id).executeTakeFirstOrThrow()).status).toBe("settled");
    expect(await mirrorTotals(db().db)).toEqual(expectedTotals(sim.truth()));
  });
});
