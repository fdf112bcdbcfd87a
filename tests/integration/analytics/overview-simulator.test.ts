// The Overview and Revenue numbers for several ranges, on the simulator store synced into the mirror
// (list pages, then every detail), checked against the simulator's own ground truth — computed from its
// model, never from our code. Store timezone Africa/Abidjan (UTC), so its local months are the truth's
// UTC months.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, paginatePages, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { getOverview } from "@/lib/analytics/overview";
import { getRevenueReport } from "@/lib/analytics/revenue";
import { monthRange } from "@/lib/time";
import { describeEachEngine } from "../db/engines";

const NOW = new Date("2026-06-01T10:00:00Z");
const TZ = "Africa/Abidjan";
let sim: RunningSimulator;
let client: ChariowClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, dialect: "current", rateLimit: 0, sales: 1200, now: NOW });
  const clock = createVirtualClock();
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) });
  client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock });
});
afterAll(async () => sim?.close());

async function syncAll(db: Kysely<Database>): Promise<void> {
  const ids: string[] = [];
  for await (const page of paginatePages(client.listSales, { per_page: 100 }, { priority: "background" })) {
    await upsertSales(db, page.items, { source: "list", receivedAt: NOW.toISOString(), timeZone: TZ });
    ids.push(...page.items.map((s) => s.id));
  }
  for (let i = 0; i < ids.length; i += 100) {
    const details = await Promise.all(ids.slice(i, i + 100).map((id) => client.getSale(id, { priority: "background" })));
    await upsertSales(db, details, { source: "detail", receivedAt: NOW.toISOString(), timeZone: TZ });
  }
}

describeEachEngine("overview numbers against the simulator's ground truth", ({ db }) => {
  it("all time, month by month, last month with its comparison, and the revenue breakdowns", async () => {
    await syncAll(db().db);
    const truth = sim.truth();
    const ctx = { timeZone: TZ, now: NOW };

    // All time: every money figure per currency, to the minor unit.
    const all = await getOverview(db().db, { range: "all", compare: "previous" }, ctx);
    expect(all.range.compare).toBeNull();
    expect([...all.currencies].sort()).toEqual(Object.keys(truth.byCurrency).sort());
    for (const [currency, t] of Object.entries(truth.byCurrency)) {
      const k = all.byCurrency.find((c) => c.currency === currency)!.kpis;
      expect(k).toMatchObject({
        currency,
        attempts: t!.salesCount,
        paidCount: t!.paidCount,
        paidRevenue: t!.paidRevenue,
        discounts: t!.discountAmount,
        gatewayFees: t!.gatewayFees,
        serviceFees: t!.serviceFees,
        netRevenue: t!.netSettlement,
        netKnownCount: t!.paidCount,
        averageOrderValue: Math.round(t!.paidRevenue / t!.paidCount),
      });
      // The chart's buckets add up to the same revenue.
      const series = all.byCurrency.find((c) => c.currency === currency)!.series;
      expect(series.reduce((s, p) => s + p.revenue, 0)).toBe(t!.paidRevenue);
    }

    // Each month (custom ranges): counts per status, summed over currencies, equal the truth's per month.
    const months = Object.keys(truth.byMonth).sort();
    expect(months.length).toBeGreaterThan(3);
    const countsOf = (o: Awaited<ReturnType<typeof getOverview>>) =>
      o.byCurrency.reduce(
        (s, c) => ({ paid: s.paid + c.kpis.paidCount, failed: s.failed + c.kpis.failedCount, abandoned: s.abandoned + c.kpis.abandonedCount, attempts: s.attempts + c.kpis.attempts }),
        { paid: 0, failed: 0, abandoned: 0, attempts: 0 },
      );
    const truthOf = (month: string) => {
      const m = truth.byMonth[month]!;
      return { paid: m.completed + m.settled, failed: m.failed, abandoned: m.abandoned, attempts: Object.values(m).reduce((a, b) => a + b, 0) };
    };
    for (const month of [months[0]!, months[Math.floor(months.length / 2)]!, months.at(-2)!]) {
      const { from, to } = monthRange(`${month}-01`);
      const o = await getOverview(db().db, { range: "custom", from, to, compare: "none" }, ctx);
      expect({ month, ...countsOf(o) }).toEqual({ month, ...truthOf(month) });
    }

    // "Last month" on 1 June is May, compared with April (30 days against 31).
    const last = await getOverview(db().db, { range: "lastMonth", compare: "previous" }, ctx);
    expect(last.range).toMatchObject({ from: "2026-05-01", to: "2026-05-31", compare: { from: "2026-04-01", to: "2026-04-30" }, interval: "day" });
    expect(countsOf(last)).toEqual(truthOf("2026-05"));
    const previousPaid = last.byCurrency.reduce((s, c) => s + (c.previous?.paidCount ?? 0), 0);
    expect(previousPaid).toBe(truthOf("2026-04").paid);
    const main = last.byCurrency[0]!;
    expect(main.series).toHaveLength(31);
    expect(main.series[30]!.previousRevenue).toBeNull();

    // Revenue page, all time: discount code uses and channels per truth (all attempts, every currency).
    const uses: Record<string, number> = {};
    const channels: Record<string, number> = {};
    for (const currency of all.currencies) {
      const report = await getRevenueReport(db().db, { range: "all", compare: "none", currency }, ctx);
      expect(report.currency).toBe(currency);
      for (const row of report.breakdowns.find((b) => b.dimension === "discount")!.rows) if (row.key !== "unknown") uses[row.key] = (uses[row.key] ?? 0) + row.attempts;
      const channel = report.breakdowns.find((b) => b.dimension === "channel")!;
      expect(channel.knownPaidCount).toBe(channel.paidCount); // every sale was read in detail
      for (const row of channel.rows) channels[row.key] = (channels[row.key] ?? 0) + row.attempts;
      const product = report.breakdowns.find((b) => b.dimension === "product")!;
      expect(product.rows.reduce((s, r) => s + r.revenue, 0)).toBe(truth.byCurrency[currency as keyof typeof truth.byCurrency]!.paidRevenue);
      // Payment gateway: every sale read in detail, so known for all paid sales; it splits the same revenue.
      const gateway = report.breakdowns.find((b) => b.dimension === "payment_gateway")!;
      expect(gateway.knownPaidCount).toBe(truth.byCurrency[currency as keyof typeof truth.byCurrency]!.paidCount);
      expect(gateway.rows.some((r) => r.key === "unknown")).toBe(false);
      expect(gateway.rows.reduce((s, r) => s + r.revenue, 0)).toBe(truth.byCurrency[currency as keyof typeof truth.byCurrency]!.paidRevenue);
      const split = report.customers;
      expect(report.unknownCustomerSales).toBe(0);
      expect(split[0]!.revenue + split[1]!.revenue).toBe(truth.byCurrency[currency as keyof typeof truth.byCurrency]!.paidRevenue);
      expect(split.find((s) => s.kind === "returning")!.paidCount).toBe(0); // all time: every customer is first seen in the range
    }
    expect(uses).toEqual(truth.discountUses);
    expect(channels).toEqual(Object.fromEntries(Object.entries(truth.byChannel).filter(([, n]) => n > 0)));
  });
});
