// Two instances' schedulers sharing one API key's budget through the api_budget table: together they
// never exceed the simulator's 10 requests a minute (virtual clock, so a minute costs nothing). The
// same load through two in-memory budgets is refused, which shows the test can fail.
import { afterEach, expect, it } from "vitest";
import { createChariowClient, createMemoryBudgetStore, createScheduler, keyFingerprint, type Scheduler, type VirtualClock } from "@/lib/chariow";
import { createDbBudgetStore } from "@/lib/sync";
import type { RunningSimulator } from "@/simulator/index";
import { describeEachEngine } from "../db/engines";
import { startTestSimulator } from "./harness";

describeEachEngine("shared API budget", ({ db }) => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  async function fireFromTwoInstances(makeScheduler: (clock: VirtualClock) => Scheduler, perInstance: number) {
    const started = await startTestSimulator({ sales: 200, rateLimit: 10 });
    sim = started.sim;
    const { clock } = started;
    const sent: number[] = [];
    let refused = 0;
    const schedulers = [makeScheduler(clock), makeScheduler(clock)];
    for (const s of schedulers) {
      s.subscribe((event) => {
        if (event.type === "sent") sent.push(clock.now());
        if (event.type === "rate_limited") refused++;
      });
    }
    const clients = schedulers.map((scheduler) => createChariowClient({ baseUrl: sim!.baseUrl, apiKey: sim!.apiKey, scheduler, clock }));
    const t0 = clock.now();
    const calls = clients.flatMap((c) => Array.from({ length: perInstance }, () => c.listSales({ per_page: 1 }, { priority: "background" })));
    const pages = await Promise.all(calls);
    return { pages, refused, sent, elapsed: clock.now() - t0, clock };
  }

  it("two schedulers on one database budget never exceed 10 a minute together (0 refusals)", async () => {
    const fingerprint = keyFingerprint("sk_test_chariow_demo_key");
    const { pages, refused, elapsed, sent } = await fireFromTwoInstances(
      (clock) => createScheduler({ clock, store: createDbBudgetStore({ db: db().db, keyFingerprint: fingerprint, clock }) }),
      15,
    );
    expect(pages).toHaveLength(30);
    expect(refused).toBe(0);
    expect(sent).toHaveLength(30);
    // 30 requests at 10 a minute need at least two full waits for the window.
    expect(elapsed).toBeGreaterThanOrEqual(120_000);
    // The key never reaches the table: only its fingerprint.
    const rows = await db().db.selectFrom("api_budget").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("sk_test_chariow_demo_key");
  });

  it("control: two in-memory budgets with the same load are refused by the API", async () => {
    const { pages, refused } = await fireFromTwoInstances((clock) => createScheduler({ clock, store: createMemoryBudgetStore() }), 15);
    expect(pages).toHaveLength(30); // the scheduler absorbs the 429s…
    expect(refused).toBeGreaterThan(0); // …but the two instances did exceed the limit together
  });

  it("a database failure never throws into the scheduler: the slot is refused for a moment and reported", async () => {
    const errors: unknown[] = [];
    const store = createDbBudgetStore({ db: db().db, keyFingerprint: "f".repeat(64), onError: (e) => errors.push(e) });
    expect(await store.reserve(1_000)).toEqual({ granted: true });
    await db().db.schema.dropTable("api_budget").execute(); // the table is gone: every query fails
    expect(await store.reserve(2_000)).toEqual({ granted: false, retryAt: 3_000 });
    await expect(store.settle({ limit: 10, remaining: 9, resetAt: 60_000 }, 2_500)).resolves.toBeUndefined();
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });
});
