// Benchmark: backfill throughput against the simulator's rate limit, on a virtual clock (a minute of
// budget costs no real time). Reports sales per virtual minute against the ceiling (limit × 100 per page)
// and the 429s received. Run: npx tsx --conditions=react-server bench/sync-backfill.ts [--sales 100000]
//   [--rate 10] [--window-days 30] [--budget db|memory] [--engine]
// --engine runs the SyncEngine loop (backfill + the incremental every 5 min it runs meanwhile) instead
// of the backfill job alone.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock } from "../lib/chariow";
import { openDatabase } from "../lib/db";
import { createSharedScheduler, createSyncEngine, loadBackfillState, runBackfillSlice } from "../lib/sync";
import { startSimulator } from "../simulator/index";

const { values } = parseArgs({
  options: {
    sales: { type: "string", default: "100000" },
    rate: { type: "string", default: "10" },
    "window-days": { type: "string", default: "30" },
    budget: { type: "string", default: "db" },
    engine: { type: "boolean", default: false },
  },
});
const SALES = Number(values.sales);
const RATE = Number(values.rate);
const WINDOW_DAYS = Number(values["window-days"]);
const NOW = Date.parse("2026-06-01T12:00:00Z");

async function main() {
  const clock = createVirtualClock(NOW);
  const sim = await startSimulator({ port: 0, seed: 42, rateLimit: RATE, sales: SALES, now: new Date("2026-06-01T00:00:00Z"), clock: { now: () => clock.now() } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-sync-"));
  const opened = await openDatabase(`file:${path.join(dir, "bench.db")}`);
  const scheduler =
    values.budget === "memory" ? createScheduler({ clock, store: createMemoryBudgetStore() }) : createSharedScheduler(opened.db, sim.apiKey, { clock });
  const client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock });
  const phase = { name: "discover" as "discover" | "walk", refused: { discover: 0, walk: 0 }, walkStartAt: 0, walkStartRequests: 0 };
  scheduler.subscribe((event) => {
    if (event.type === "rate_limited") phase.refused[phase.name]++;
  });
  const ctx = { db: opened.db, client, clock, timeZone: "Africa/Abidjan", guard: async () => undefined };
  const t0 = clock.now();
  const wall0 = performance.now();
  const requests0 = sim.requestCount();
  const markWalk = async () => {
    if (phase.name === "discover" && (await loadBackfillState(ctx))?.phase !== "discover") {
      phase.name = "walk";
      phase.walkStartAt = clock.now();
      phase.walkStartRequests = sim.requestCount();
    }
  };
  if (values.engine) {
    const engine = createSyncEngine({
      ...ctx,
      instanceId: "bench",
      backfill: { windowDays: WINDOW_DAYS },
      backfillSliceRequests: 1,
      jobs: { enrichment: false, reconciliation: false },
    });
    for (;;) {
      const report = await engine.tick();
      await markWalk();
      if (report.backfillDone) break;
    }
  } else {
    for (;;) {
      // One request per slice while discovering, so the switch to the walk is timed to the request.
      const r = await runBackfillSlice(ctx, { windowDays: WINDOW_DAYS, maxRequests: phase.name === "discover" ? 1 : 100 });
      await markWalk();
      if (r.done) break;
    }
  }
  const state = await loadBackfillState(ctx);
  const totalMin = (clock.now() - t0) / 60_000;
  const walkMin = (clock.now() - phase.walkStartAt) / 60_000;
  const ceiling = RATE * 100;
  const walkRate = (state?.salesSeen ?? 0) / walkMin;
  const overallRate = (state?.salesSeen ?? 0) / totalMin;
  const rows = Number((await opened.db.selectFrom("sales").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  console.log(
    JSON.stringify(
      {
        machine: `${os.cpus()[0]?.model ?? "?"} ×${os.cpus().length}, Node ${process.version}`,
        date: new Date().toISOString(),
        sales: SALES,
        rateLimit: RATE,
        windowDays: WINDOW_DAYS,
        budget: values.budget,
        mode: values.engine ? "engine (backfill + incremental)" : "backfill job alone",
        mirrorRows: rows,
        truthTotal: sim.truth().totalSales,
        requests: sim.requestCount() - requests0,
        discoveryRequests: phase.walkStartRequests - requests0,
        walkRequests: sim.requestCount() - phase.walkStartRequests,
        windows: state?.windowsTotal,
        virtualMinutes: { total: +totalMin.toFixed(2), walk: +walkMin.toFixed(2) },
        salesPerMinute: { walk: Math.round(walkRate), overall: Math.round(overallRate), ceiling },
        ofCeiling: { walk: `${((100 * walkRate) / ceiling).toFixed(1)}%`, overall: `${((100 * overallRate) / ceiling).toFixed(1)}%` },
        refused429: phase.refused,
        wallSeconds: +((performance.now() - wall0) / 1000).toFixed(1),
      },
      null,
      2,
    ),
  );
  await sim.close();
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
