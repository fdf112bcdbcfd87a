// One Revenue row per payment method, whichever form Chariow sent (issue 15: `mtn_momo` 108 sales next to
// "MTN Mobile Money" 0). The simulator's sale details name the method by id (a bare "mtn_momo"), its Pulses
// by name ("MTN Mobile Money"): history synced from details and live sales known only from their Pulses
// (the simulator's real signed sender, into the real mirror sink) land in one breakdown row per method, whose
// attempts equal the count made here from the simulator's own detail payloads (plain fetch, not our client).
import { afterEach, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, paginatePages } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { getRevenueReport } from "@/lib/analytics/revenue";
import { upsertSales } from "@/lib/mirror";
import { createPulseQueue, receivePulse } from "@/lib/pulses";
import { createMirrorSink } from "@/lib/pulses/mirror-sink";
import { describeEachEngine } from "../db/engines";
import { startPulseEndpoint, until } from "../pulses/helpers";
import { FakeClock, HISTORY_END, call, control, type RawJson } from "../simulator/helpers";

const TZ = "Africa/Abidjan";
const SECRET = "whsec_one_row";
const NOW = new Date(HISTORY_END.getTime() + 2 * 86_400_000);
const LIVE_SALES = 40;

let sim: RunningSimulator | null = null;
let endpoint: { url: string; close(): Promise<void> } | null = null;
afterEach(async () => {
  await sim?.close();
  await endpoint?.close();
  sim = null;
  endpoint = null;
});

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

async function syncHistoryFromDetails(db: Kysely<Database>, s: RunningSimulator): Promise<string[]> {
  const clock = createVirtualClock();
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) });
  const client = createChariowClient({ baseUrl: s.baseUrl, apiKey: s.apiKey, scheduler, clock });
  const ids: string[] = [];
  for await (const page of paginatePages(client.listSales, { per_page: 100 }, { priority: "background" })) ids.push(...page.items.map((x) => x.id));
  for (let i = 0; i < ids.length; i += 50) {
    const batch = await Promise.all(ids.slice(i, i + 50).map((id) => client.getSale(id, { priority: "background" })));
    await upsertSales(db, batch, { source: "detail", receivedAt: NOW.toISOString(), timeZone: TZ });
  }
  return ids;
}

describeEachEngine("payment method: sale details by id, Pulses by name", ({ db }) => {
  it("counts each method in one breakdown row, equal to the simulator's", async () => {
    const queue = createPulseQueue({ db: async () => db().db, sink: async () => createMirrorSink(db().db, { timeZone: async () => TZ }) });
    endpoint = await startPulseEndpoint((req) => receivePulse(req, { db: db().db, secrets: { pulse_demo: SECRET }, onAccepted: queue.enqueue }));
    sim = await startSimulator({
      seed: 29, sales: 150, now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, dialect: "current", paymentMethodAs: "string",
      pulse: { url: endpoint.url, secret: SECRET, retryDelaysMs: [20, 20, 20, 20] },
    });
    const s = sim;

    // History: from the list and each sale's detail, which names the method by its id.
    const historyIds = await syncHistoryFromDetails(db().db, s);

    // Live sales: known only from their Pulses, which name the method ("MTN Mobile Money").
    const liveIds: string[] = [];
    for (let i = 0; i < LIVE_SALES; i++) {
      const c = await control(s, "POST", "/checkouts", {});
      liveIds.push(c.json.sale.id as string);
      await control(s, "POST", `/sales/${c.json.sale.id}/${i % 4 === 3 ? "fail" : "complete"}`, i % 4 === 3 ? { code: "insufficient_funds" } : {});
    }
    await until(async () => (await db().db.selectFrom("pulse_deliveries").select("id").execute()).length >= LIVE_SALES, 20_000);
    await queue.idle();
    await until(async () => (await db().db.selectFrom("sales").select("id").where("id", "in", liveIds).execute()).length === LIVE_SALES, 20_000);

    // The truth: each sale's detail as the simulator serves it (the bare method id), history and live.
    const details: RawJson[] = await Promise.all([...historyIds, ...liveIds].map(async (id) => (await call(s, `/sales/${id}`)).json.data));
    for (const d of details) expect(typeof d.payment.method, d.id).toBe("string");
    const liveMtn = details.filter((d) => liveIds.includes(d.id) && d.payment.method === "mtn_momo");
    const historyMtn = details.filter((d) => historyIds.includes(d.id) && d.payment.method === "mtn_momo");
    expect(liveMtn.length, "live MTN sales (known from Pulses only)").toBeGreaterThan(0);
    expect(historyMtn.length, "history MTN sales (known from details)").toBeGreaterThan(0);

    for (const currency of new Set(details.map((d) => d.amount.currency as string))) {
      const report = await getRevenueReport(db().db, { range: "all", compare: "none", currency }, { timeZone: TZ, now: NOW });
      const breakdown = report.breakdowns.find((b) => b.dimension === "payment_method")!;
      const inCurrency = details.filter((d) => d.amount.currency === currency);
      expect(Object.fromEntries(breakdown.rows.map((r) => [r.key, r.attempts])), currency).toEqual(countBy(inCurrency, (d) => d.payment.method));
    }

    // Those live sales really reached the mirror by Pulse only, and their Pulse named the method, not its id.
    const liveRows = await db().db.selectFrom("sales").select(["id", "source"]).where("id", "in", liveMtn.map((d) => d.id)).execute();
    for (const r of liveRows) expect(r.source, r.id).toBe("pulse");
    const bodies = await db().db.selectFrom("pulse_deliveries").select(["object_id", "body"]).where("object_id", "in", liveMtn.map((d) => d.id)).execute();
    expect(bodies.length).toBeGreaterThanOrEqual(liveMtn.length);
    for (const b of bodies) expect((JSON.parse(b.body ?? "{}") as RawJson).sale.payment.method, b.object_id ?? "").toBe("MTN Mobile Money");
  });
});
