// Overview and Revenue services on a handful of hand-made sales through the real mirror: local days in a
// DST zone at 23:59 / 00:00, fees known only after a detail read, currencies kept apart, and the CSV
// export of a breakdown (excel-fr decimal comma) with its audit entry.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { exportRevenueTable } from "@/lib/analytics/export";
import { getOverview } from "@/lib/analytics/overview";
import { getRevenueReport } from "@/lib/analytics/revenue";
import { describeEachEngine } from "../db/engines";
import { saleDetail, saleSummary } from "../../factories/sales";

const TZ = "Europe/Paris";
const ctx = { timeZone: TZ, now: new Date("2026-04-02T12:00:00Z") };
const day = (d: string) => ({ range: "custom" as const, from: d, to: d, compare: "none" as const });

describeEachEngine("analytics on hand-made sales", ({ db }) => {
  it("buckets by the Paris day across DST, keeps currencies apart and counts net revenue only where fees are known", async () => {
    await upsertSales(db().db, [
      // 23:59 CEST on Sunday 29 March (the 23-hour day), read in detail: fees and settlement known.
      saleDetail({ id: "s1", currency: "EUR", originalMinor: 9900, discountMinor: 1980, createdAt: "2026-03-29T21:59:00Z", completedAt: "2026-03-29T21:59:30Z", gatewayFeeMinor: 237, serviceFeeMinor: 396, settlementNetMinor: 7524, productId: "p1", customerId: "c1", discountCode: "PROMO20" }),
      // 00:00 CEST on 30 March, CFA francs, detail.
      saleDetail({ id: "s3", currency: "XOF", originalMinor: 4900, createdAt: "2026-03-29T22:00:00Z", completedAt: "2026-03-29T22:01:00Z", gatewayFeeMinor: 147, serviceFeeMinor: 245, settlementNetMinor: 4655, productId: "p1", customerId: "c3" }),
    ], { source: "detail", receivedAt: ctx.now.toISOString(), timeZone: TZ });
    await upsertSales(db().db, [
      // 00:00 CEST on 30 March, only a list summary so far: fees unknown.
      saleSummary({ id: "s2", currency: "EUR", originalMinor: 5000, createdAt: "2026-03-29T22:00:00Z", completedAt: "2026-03-29T22:00:10Z", productId: "p2", customerId: "c1" }),
      // 00:00 CET on 29 March: still the 29th.
      saleSummary({ id: "s4", currency: "EUR", status: "failed", originalMinor: 1200, createdAt: "2026-03-28T23:00:00Z", failedAt: "2026-03-28T23:01:00Z", productId: "p2", customerId: "c4" }),
    ], { source: "list", receivedAt: ctx.now.toISOString(), timeZone: TZ });

    const d29 = await getOverview(db().db, day("2026-03-29"), ctx);
    expect(d29.currencies).toEqual(["EUR"]);
    expect(d29.byCurrency[0]!.kpis).toMatchObject({ paidCount: 1, paidRevenue: 7920, discounts: 1980, attempts: 2, conversion: 0.5, failedCount: 1, failedValue: 1200, netRevenue: 7920 - 237 - 396, netKnownCount: 1 });

    const d30 = await getOverview(db().db, { ...day("2026-03-30"), compare: "previous" }, ctx);
    expect(d30.currencies).toEqual(["EUR", "XOF"]);
    const eur = d30.byCurrency.find((c) => c.currency === "EUR")!;
    expect(eur.kpis).toMatchObject({ paidCount: 1, paidRevenue: 5000, netRevenue: 0, netKnownCount: 0 });
    expect(eur.previous).toMatchObject({ paidRevenue: 7920 });
    expect(eur.changes!.paidRevenue).toBeCloseTo(5000 / 7920 - 1);
    expect(d30.byCurrency.find((c) => c.currency === "XOF")!.kpis).toMatchObject({ paidRevenue: 4900, netRevenue: 4900 - 147 - 245 });
    expect(d30.byCurrency.find((c) => c.currency === "XOF")!.previous).toMatchObject({ paidCount: 0 });

    // Revenue: c1 first seen on the 29th is returning on the 30th; channel known for the detailed sale only.
    const report = await getRevenueReport(db().db, { ...day("2026-03-30"), currency: "EUR" }, ctx);
    expect(report.customers).toEqual([
      { kind: "new", customers: 0, paidCount: 0, revenue: 0 },
      { kind: "returning", customers: 1, paidCount: 1, revenue: 5000 },
    ]);
    const both = await getRevenueReport(db().db, { range: "custom", from: "2026-03-29", to: "2026-03-30", compare: "none", currency: "EUR" }, ctx);
    const channel = both.breakdowns.find((b) => b.dimension === "channel")!;
    expect(channel).toMatchObject({ knownPaidCount: 1, paidCount: 2 });
    expect(both.breakdowns.find((b) => b.dimension === "discount")!.rows.find((r) => r.key === "PROMO20")).toMatchObject({ paidCount: 1, revenue: 7920, discounts: 1980, averageDiscount: 1980 });
  });

  it("exports a breakdown as CSV (French Excel: ';' and decimal comma) and audits who, what and how many rows", async () => {
    await upsertSales(db().db, [
      saleSummary({ id: "e1", currency: "EUR", originalMinor: 123450, createdAt: "2026-03-10T10:00:00Z", completedAt: "2026-03-10T10:00:05Z", productId: "p1" }),
      saleSummary({ id: "e2", currency: "EUR", originalMinor: 1000, createdAt: "2026-03-11T10:00:00Z", completedAt: "2026-03-11T10:00:05Z", productId: "=cmd" }),
    ], { source: "list", receivedAt: ctx.now.toISOString(), timeZone: TZ });
    const actor = { id: "u1", email: "owner@example.com", role: "owner" as const };
    const res = await exportRevenueTable(db().db, "product", { range: "custom", from: "2026-03-01", to: "2026-03-31", compare: "none", currency: "EUR", preset: "excel-fr" }, { timeZone: TZ, actor });
    const text = await res.text();
    expect(res.headers.get("content-disposition")).toContain("revenue-product-EUR-2026-03-01_2026-03-31.csv");
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("product;name;paid_sales;revenue;discount_given;average_discount;attempts;revenue_share;currency");
    expect(lines[1]).toMatch(/^p1;[^;]*;1;1234,50;0,00;0,00;1;0,992;EUR$/);
    expect(lines[2]).toMatch(/^'=cmd;/); // formula neutralised
    // The stream's end writes the entry (after the last byte is handed over), so wait for it.
    const readAudit = () => db().db.selectFrom("audit_log").selectAll().where("action", "=", "analytics.export").execute();
    await expect.poll(async () => (await readAudit()).length).toBe(1);
    const audit = await readAudit();
    expect(audit[0]).toMatchObject({ actor_email: "owner@example.com", target: "revenue.product" });
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ rows: 2, completed: true, preset: "excel-fr", filter: { from: "2026-03-01", to: "2026-03-31", currency: "EUR" } });
  });
});
