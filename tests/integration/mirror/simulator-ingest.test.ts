// The whole simulator store through the real client into the mirror: list pages, then every sale's
// detail, checked against the simulator's ground truth per status, month and currency to the minor unit.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, paginatePages, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { enrichmentCoverage, mirrorCountsByStatusAndMonth, upsertSales } from "@/lib/mirror";
import { describeEachEngine } from "../db/engines";

const NOW = new Date("2026-06-01T00:00:00Z");
const TZ = "Africa/Abidjan";
let sim: RunningSimulator;
let client: ChariowClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, dialect: "current", rateLimit: 0, sales: 1000, now: NOW });
  const clock = createVirtualClock();
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) });
  client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock });
});
afterAll(async () => sim?.close());

type Totals = { count: number; paidCount: number; paidRevenue: number; original: number; discount: number; fees: number; service: number; net: number };

/** Per-currency totals from the sales table, and the same from the rollups' "all" dimension. */
async function totals(db: Kysely<Database>) {
  const fromSales = new Map<string, Totals>();
  for (const s of await db.selectFrom("sales").selectAll().execute()) {
    const t = fromSales.get(s.currency!) ?? { count: 0, paidCount: 0, paidRevenue: 0, original: 0, discount: 0, fees: 0, service: 0, net: 0 };
    t.count++;
    if (s.status === "completed" || s.status === "settled") {
      t.paidCount++;
      t.paidRevenue += s.amount!;
      t.original += s.original_amount!;
      t.discount += s.discount_amount!;
      t.fees += s.gateway_fee ?? 0;
      t.service += s.service_fee ?? 0;
      t.net += s.settlement_net ?? 0;
    }
    fromSales.set(s.currency!, t);
  }
  const fromRollups = new Map<string, Totals>();
  const rollups = await db.selectFrom("sales_rollup_daily").selectAll().where("dimension", "=", "all").execute();
  for (const r of rollups) {
    const t = fromRollups.get(r.currency) ?? { count: 0, paidCount: 0, paidRevenue: 0, original: 0, discount: 0, fees: 0, service: 0, net: 0 };
    t.count += r.count;
    if (r.status === "completed" || r.status === "settled") {
      t.paidCount += r.count;
      t.paidRevenue += r.amount;
      t.original += r.original_amount;
      t.discount += r.discount_amount;
      t.fees += r.gateway_fee;
      t.service += r.service_fee;
      t.net += r.settlement_net;
    }
    fromRollups.set(r.currency, t);
  }
  return { fromSales, fromRollups };
}

describeEachEngine("mirror ingest of the simulator store", ({ db }) => {
  it("list pages then every detail equal the ground truth per status, month and currency", async () => {
    const truth = sim.truth();
    let pages = 0;
    for await (const page of paginatePages(client.listSales, { per_page: 100 }, { priority: "background" })) {
      const r = await upsertSales(db().db, page.items, { source: "list", receivedAt: NOW.toISOString(), timeZone: TZ });
      expect(r.inserted + r.unchanged).toBe(page.items.length);
      pages++;
    }
    expect(pages).toBe(10);

    // Reconciliation view: per UTC month and status, exactly the truth.
    const byMonth: Record<string, Record<string, number>> = {};
    for (const { month, status, count } of await mirrorCountsByStatusAndMonth(db().db)) (byMonth[month] ??= {})[status] = count;
    const expectedByMonth = Object.fromEntries(
      Object.entries(truth.byMonth).map(([m, statuses]) => [m, Object.fromEntries(Object.entries(statuses).filter(([, n]) => n > 0))]),
    );
    expect(byMonth).toEqual(expectedByMonth);

    const ids = (await db().db.selectFrom("sales").select("id").execute()).map((r) => r.id);
    expect(ids).toHaveLength(truth.totalSales);
    // raw_json is the payload as the API sent it (snake_case fields), for every list-read sale.
    const withoutRaw = await db().db.selectFrom("sales").select("id").where("raw_json", "is", null).execute();
    expect(withoutRaw).toEqual([]);
    const one = await db().db.selectFrom("sales").select(["id", "raw_json"]).where("id", "=", ids[0]!).executeTakeFirstOrThrow();
    expect(JSON.parse(one.raw_json!)).toMatchObject({ id: one.id, created_at: expect.any(String) });
    expect(await enrichmentCoverage(db().db)).toMatchObject({ settlementKnown: 0, feesKnown: 0, channelKnown: 0 });

    // Enrichment: every detail, in pages of 100 like the sync would batch them.
    for (let i = 0; i < ids.length; i += 100) {
      const details = await Promise.all(ids.slice(i, i + 100).map((id) => client.getSale(id, { priority: "background" })));
      await upsertSales(db().db, details, { source: "detail", receivedAt: new Date(NOW.getTime() + 60_000).toISOString(), timeZone: TZ });
    }
    const coverage = await enrichmentCoverage(db().db);
    expect(coverage.channelKnown).toBe(coverage.paidSales);
    // The detail's payload replaced the list's, minus the signed, expiring download links.
    const paidRaw = await db().db.selectFrom("sales").select("raw_json").where("status", "=", "completed").where("detail_at", "is not", null).execute();
    expect(paidRaw.length).toBeGreaterThan(0);
    for (const r of paidRaw) {
      expect(r.raw_json).not.toContain("download_url");
      expect(JSON.parse(r.raw_json!)).toHaveProperty("payment");
    }

    const { fromSales, fromRollups } = await totals(db().db);
    expect([...fromSales.keys()].sort()).toEqual(Object.keys(truth.byCurrency).sort());
    for (const [currency, t] of Object.entries(truth.byCurrency)) {
      const expected = {
        count: t!.salesCount, paidCount: t!.paidCount, paidRevenue: t!.paidRevenue, original: t!.originalAmount, discount: t!.discountAmount,
        fees: t!.gatewayFees, service: t!.serviceFees, net: t!.netSettlement,
      };
      expect({ currency, ...fromSales.get(currency) }).toEqual({ currency, ...expected });
      expect({ currency, ...fromRollups.get(currency) }).toEqual({ currency, ...expected });
    }
    const byStatus = await db().db.selectFrom("sales").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
    expect(Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]))).toEqual(Object.fromEntries(Object.entries(truth.byStatus).filter(([, n]) => n > 0)));
    const byChannel = await db().db.selectFrom("sales").select(["channel", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("channel").execute();
    expect(Object.fromEntries(byChannel.map((r) => [r.channel, Number(r.n)]))).toEqual(Object.fromEntries(Object.entries(truth.byChannel).filter(([, n]) => n > 0)));

    // A second full list pass after enrichment learns nothing and erases nothing.
    let unchanged = 0;
    for await (const page of paginatePages(client.listSales, { per_page: 100 }, { priority: "background" })) {
      unchanged += (await upsertSales(db().db, page.items, { source: "list", receivedAt: new Date(NOW.getTime() + 120_000).toISOString(), timeZone: TZ })).unchanged;
    }
    expect(unchanged).toBe(truth.totalSales);
    expect((await totals(db().db)).fromRollups).toEqual(fromRollups);
  });
});
