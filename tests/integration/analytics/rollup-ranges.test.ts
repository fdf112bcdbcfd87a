// Ranges read from whole months (monthly rollups) plus edge days (daily rollups) give the same figures as
// the sales themselves (issue 17): KPIs, top products, a breakdown and the Sales totals (payment status
// included) over seeded random ranges across five months, on both engines, each compared with a plain
// computation over the facts written — not with the rollups.
import { expect, it } from "vitest";
import { getOverview } from "@/lib/analytics/overview";
import { getBreakdown } from "@/lib/analytics/revenue";
import { upsertSales } from "@/lib/mirror";
import { salesTotals } from "@/lib/sales";
import { rollupDimensionFor } from "@/lib/sales/sales-totals";
import { salesViewSchema } from "@/lib/sales/schemas";
import { describeEachEngine } from "../db/engines";
import { rng } from "../../factories/rng";
import { saleDetail, type SaleFacts, type SaleStatus } from "../../factories/sales";

const TZ = "Africa/Abidjan"; // UTC all year: a sale's local day is its date, computed here without lib/time
const NOW = new Date("2026-04-02T12:00:00Z");
const START = Date.parse("2025-11-01T00:00:00Z");
const DAYS = 151; // 2025-11-01 … 2026-03-31
const STATUSES: SaleStatus[] = ["completed", "settled", "failed", "abandoned", "awaiting_payment"];
const PAID = new Set(["completed", "settled"]);

const { next: rand, pick } = rng(2026);

type Fact = Required<Pick<SaleFacts, "id" | "status" | "currency" | "originalMinor" | "discountMinor" | "productId" | "channel">> & { createdAt: string; day: string };
const FACTS: Fact[] = Array.from({ length: 700 }, (_, i) => {
  const createdAt = new Date(START + Math.floor(rand() * DAYS * 48) * 30 * 60_000).toISOString();
  const currency = pick(["XOF", "XOF", "EUR"]);
  const originalMinor = pick(currency === "XOF" ? [2500, 4900, 15000] : [990, 2900]);
  return {
    id: `sal_r${String(i).padStart(4, "0")}`,
    status: pick(STATUSES),
    currency,
    originalMinor,
    discountMinor: rand() < 0.3 ? 100 : 0,
    productId: pick(["prd_a", "prd_b", "prd_c", "prd_d"]),
    channel: pick(["store", "affiliate", "widget"] as const),
    createdAt,
    day: createdAt.slice(0, 10),
  };
});
const mondayOf = (day: string) => {
  const t = Date.parse(`${day}T00:00:00Z`);
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};
const dayOf = (i: number) => new Date(START + i * 86_400_000).toISOString().slice(0, 10);

/** Random ranges, plus edges on month boundaries (a 1st, a last day) that switch parts on and off. */
function ranges(): Array<{ from: string; to: string }> {
  const out = [
    { from: "2025-11-01", to: "2026-03-31" }, { from: "2025-11-02", to: "2026-03-30" }, { from: "2025-12-01", to: "2026-01-31" },
    { from: "2025-12-31", to: "2026-01-01" }, { from: "2026-02-01", to: "2026-02-28" }, { from: "2026-02-10", to: "2026-02-20" },
  ];
  for (let i = 0; i < 24; i++) {
    const a = Math.floor(rand() * DAYS);
    const b = Math.floor(rand() * DAYS);
    out.push({ from: dayOf(Math.min(a, b)), to: dayOf(Math.max(a, b)) });
  }
  return out;
}

describeEachEngine("analytics over monthly and daily rollups", ({ db }) => {
  it("KPIs, top products, a breakdown and the Sales totals equal the sales over random ranges", async () => {
    for (let i = 0; i < FACTS.length; i += 100) {
      await upsertSales(db().db, FACTS.slice(i, i + 100).map((f) => saleDetail({ ...f, email: `${f.id}@example.com` })), { source: "detail", receivedAt: NOW.toISOString(), timeZone: TZ });
    }
    const ctx = { timeZone: TZ, now: NOW };
    for (const range of ranges()) {
      const inRange = FACTS.filter((f) => f.day >= range.from && f.day <= range.to);
      const overview = await getOverview(db().db, { range: "custom", ...range, compare: "none" }, ctx);
      for (const currency of ["XOF", "EUR"]) {
        const sales = inRange.filter((f) => f.currency === currency);
        const paid = sales.filter((f) => PAID.has(f.status));
        const kpis = overview.byCurrency.find((c) => c.currency === currency)?.kpis;
        const label = `${currency} ${range.from}..${range.to}`;
        expect({ attempts: kpis?.attempts ?? 0, paid: kpis?.paidCount ?? 0, revenue: kpis?.paidRevenue ?? 0, failed: kpis?.failedCount ?? 0 }, label).toEqual({
          attempts: sales.length,
          paid: paid.length,
          revenue: paid.reduce((s, f) => s + f.originalMinor - f.discountMinor, 0),
          failed: sales.filter((f) => f.status === "failed").length,
        });
        // The chart's series: per month when asked by month (whole months from the monthly rollups), per day
        // otherwise; each bucket's revenue equals the facts', and the comparison period's too.
        for (const interval of ["month", "week"] as const) {
          const o = await getOverview(db().db, { range: "custom", ...range, compare: "previous", interval }, ctx);
          const series = o.byCurrency.find((c) => c.currency === currency)?.series ?? [];
          const bucketOf = (day: string) => (interval === "month" ? `${day.slice(0, 7)}-01` : mondayOf(day));
          const expectedBuckets = new Map<string, number>();
          for (const f of paid) expectedBuckets.set(bucketOf(f.day), (expectedBuckets.get(bucketOf(f.day)) ?? 0) + f.originalMinor - f.discountMinor);
          expect(Object.fromEntries(series.filter((p) => p.revenue > 0).map((p) => [p.bucket, p.revenue])), `${label} ${interval}`).toEqual(Object.fromEntries(expectedBuckets));
          const compare = o.range.compare!;
          const before = FACTS.filter((f) => f.currency === currency && PAID.has(f.status) && f.day >= compare.from && f.day <= compare.to);
          const previousTotal = series.reduce((sum, p) => sum + (p.previousRevenue ?? 0), 0);
          // Buckets are paired by position, so the previous period's last buckets may have no partner.
          expect(previousTotal, `${label} ${interval} previous`).toBeLessThanOrEqual(before.reduce((sum, f) => sum + f.originalMinor - f.discountMinor, 0));
        }

        const byProduct = new Map<string, number>();
        for (const f of paid) byProduct.set(f.productId, (byProduct.get(f.productId) ?? 0) + f.originalMinor - f.discountMinor);
        const top = overview.byCurrency.find((c) => c.currency === currency)?.topProducts ?? [];
        expect(Object.fromEntries(top.map((p) => [p.id, p.revenue])), label).toEqual(Object.fromEntries([...byProduct].sort((a, b) => b[1] - a[1]).slice(0, 5)));

        const channels = await getBreakdown(db().db, "channel", range, currency);
        const attemptsByChannel = new Map<string, number>();
        for (const f of sales) attemptsByChannel.set(f.channel!, (attemptsByChannel.get(f.channel!) ?? 0) + 1);
        expect(Object.fromEntries(channels.rows.map((r) => [r.key, r.attempts])), label).toEqual(Object.fromEntries(attemptsByChannel));
        expect(channels.paidCount, label).toBe(paid.length);
      }

      // Sales totals answered from the rollups: a payment-status filter (every detail says "success" for a
      // paid sale) and a product, over the same days.
      for (const filters of [{ paymentStatus: "success", ...range }, { product: "prd_b", status: "completed,failed", ...range }]) {
        const view = salesViewSchema.parse(filters);
        expect(rollupDimensionFor(view)).not.toBeNull();
        const matching = inRange.filter((f) => ("paymentStatus" in filters ? PAID.has(f.status) : f.productId === "prd_b" && (f.status === "completed" || f.status === "failed")));
        const totals = await salesTotals(db().db, view, { engine: db().engine, timeZone: TZ });
        expect(totals.count, JSON.stringify(filters)).toBe(matching.length);
        const paidXof = matching.filter((f) => f.currency === "XOF" && PAID.has(f.status)).reduce((s, f) => s + f.originalMinor - f.discountMinor, 0);
        expect(totals.byCurrency.find((c) => c.currency === "XOF")?.paid.minor ?? 0, JSON.stringify(filters)).toBe(paidXof);
      }
    }
  });
});
