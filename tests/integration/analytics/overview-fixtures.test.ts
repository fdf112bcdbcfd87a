// Overview and Revenue services on a handful of hand-made sales through the real mirror: local days in a
// DST zone at 23:59 / 00:00, fees known only after a detail read, currencies kept apart, the payment
// gateway breakdown (detail and Pulse only) with its coverage, and the CSV export of a breakdown
// (excel-fr decimal comma, header in French or English) with its audit entry.
import { createTranslator } from "next-intl";
import { expect, it } from "vitest";
import { parsePulsePayload } from "@/lib/chariow";
import { upsertSales } from "@/lib/mirror";
import { exportRevenueTable } from "@/lib/analytics/export";
import { revenueExportLabelsFrom } from "@/lib/analytics/export-labels";
import { loadMessages } from "@/lib/i18n/messages";
import { getOverview } from "@/lib/analytics/overview";
import { getRevenueReport } from "@/lib/analytics/revenue";
import { describeEachEngine } from "../db/engines";
import { saleDetail, salePulse, saleSummary } from "../../factories/sales";

const TZ = "Europe/Paris";
const ctx = { timeZone: TZ, now: new Date("2026-04-02T12:00:00Z") };
const day = (d: string) => ({ range: "custom" as const, from: d, to: d, compare: "none" as const });
const march = { range: "custom" as const, from: "2026-03-01", to: "2026-03-31", compare: "none" as const };
const actor = { id: "u1", email: "owner@example.com", role: "owner" as const };

async function exportLabels(locale: "fr" | "en") {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Analytics.export" });
  return revenueExportLabelsFrom((key) => t(key as never));
}
const csvLines = async (res: Response) => (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");

describeEachEngine("analytics on hand-made sales", ({ db }) => {
  it("buckets by the Paris day across DST, keeps currencies apart and counts net revenue (Chariow's settlement amount) only where it is known", async () => {
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
    expect(d29.byCurrency[0]!.kpis).toMatchObject({ paidCount: 1, paidRevenue: 7920, discounts: 1980, attempts: 2, conversion: 0.5, failedCount: 1, failedValue: 1200, netRevenue: 7524, netKnownCount: 1 });

    const d30 = await getOverview(db().db, { ...day("2026-03-30"), compare: "previous" }, ctx);
    expect(d30.currencies).toEqual(["EUR", "XOF"]);
    const eur = d30.byCurrency.find((c) => c.currency === "EUR")!;
    expect(eur.kpis).toMatchObject({ paidCount: 1, paidRevenue: 5000, netRevenue: 0, netKnownCount: 0 });
    expect(eur.previous).toMatchObject({ paidRevenue: 7920 });
    expect(eur.changes!.paidRevenue).toBeCloseTo(5000 / 7920 - 1);
    expect(d30.byCurrency.find((c) => c.currency === "XOF")!.kpis).toMatchObject({ paidRevenue: 4900, netRevenue: 4655 });
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
    const res = await exportRevenueTable(db().db, "product", { ...march, currency: "EUR", preset: "excel-fr" }, { timeZone: TZ, actor, labels: await exportLabels("fr") });
    expect(res.headers.get("content-disposition")).toContain("revenue-product-EUR-2026-03-01_2026-03-31.csv");
    const lines = await csvLines(res);
    expect(lines[0]).toBe("ID produit;Nom;Ventes payées;Chiffre d’affaires;Remise accordée;Remise moyenne;Tentatives;Part du chiffre d’affaires;Devise");
    expect(lines[1]).toMatch(/^p1;[^;]*;1;1234,50;0,00;0,00;1;0,992;EUR$/);
    expect(lines[2]).toMatch(/^'=cmd;/); // formula neutralised
    // The stream's end writes the entry (after the last byte is handed over), so wait for it.
    const readAudit = () => db().db.selectFrom("audit_log").selectAll().where("action", "=", "analytics.export").execute();
    await expect.poll(async () => (await readAudit()).length).toBe(1);
    const audit = await readAudit();
    expect(audit[0]).toMatchObject({ actor_email: "owner@example.com", target: "revenue.product" });
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ rows: 2, completed: true, preset: "excel-fr", filter: { from: "2026-03-01", to: "2026-03-31", currency: "EUR" } });
  });

  it("breaks revenue down by payment gateway per currency, known only from details and Pulses", async () => {
    const at = (d: number) => ({ createdAt: `2026-03-${String(d).padStart(2, "0")}T10:00:00Z`, completedAt: `2026-03-${String(d).padStart(2, "0")}T10:01:00Z` });
    const receivedAt = ctx.now.toISOString();
    await upsertSales(db().db, [
      saleDetail({ id: "g1", currency: "EUR", originalMinor: 10000, gateway: "stripe", ...at(2) }),
      saleDetail({ id: "g2", currency: "EUR", originalMinor: 5000, discountMinor: 500, gateway: "paypal", ...at(3) }),
      saleDetail({ id: "g7", currency: "EUR", status: "failed", originalMinor: 7000, gateway: "stripe", ...at(4), completedAt: null }),
      saleDetail({ id: "g5", currency: "XOF", originalMinor: 4900, ...at(5) }), // the factory's default gateway: cinetpay
    ], { source: "detail", receivedAt, timeZone: TZ });
    await upsertSales(db().db, [salePulse({ id: "g3", currency: "EUR", originalMinor: 3000, gateway: "stripe", ...at(6) })], { source: "pulse", receivedAt, timeZone: TZ });
    // A Pulse as Chariow sends it (chariow-api.md §8), through the real parser: payment.gateway rides along.
    const pulse = parsePulsePayload(JSON.stringify({
      event: "successful.sale",
      sale: {
        id: "g6", status: "settled", amount: { value: 9800, currency: "XOF" }, original_amount: { value: 9800, currency: "XOF" }, discount_amount: { value: 0, currency: "XOF" },
        settlement: {}, payment: { status: "success", gateway: "moneroo", method: "mobile_money", fee: null },
        created_at: "2026-03-07T10:00:00+00:00", completed_at: "2026-03-07T10:01:00+00:00",
      },
      product: { id: "prd_a", name: "A" }, customer: { id: "cus_6", name: "Awa", email: "awa@example.com" }, checkout: {},
    }));
    if (pulse.kind !== "sale") throw new Error("expected a sale Pulse");
    await upsertSales(db().db, [pulse.sale], { source: "pulse", receivedAt, timeZone: TZ });
    // List summaries never say the gateway (§5): unknown, and a later summary of g1 does not erase what its detail said.
    await upsertSales(db().db, [
      saleSummary({ id: "g4", currency: "EUR", originalMinor: 2000, ...at(8) }),
      saleSummary({ id: "g8", currency: "XOF", originalMinor: 1000, ...at(9) }),
      saleSummary({ id: "g1", currency: "EUR", originalMinor: 10000, ...at(2) }),
    ], { source: "list", receivedAt, timeZone: TZ });

    const gateways = async (currency: string) => (await getRevenueReport(db().db, { ...march, currency }, ctx)).breakdowns.find((b) => b.dimension === "payment_gateway")!;
    const eur = await gateways("EUR");
    // Paid EUR: g1 stripe 100.00, g3 stripe 30.00, g2 paypal 45.00 (50.00 − 5.00), g4 unknown 20.00; g7 failed is an attempt only.
    expect(eur.rows.map((r) => [r.key, r.paidCount, r.revenue, r.discounts, r.attempts])).toEqual([
      ["stripe", 2, 13000, 0, 3],
      ["paypal", 1, 4500, 500, 1],
      ["unknown", 1, 2000, 0, 1],
    ]);
    expect(eur).toMatchObject({ knownPaidCount: 3, paidCount: 4 });
    expect(eur.rows.reduce((sum, r) => sum + r.revenue, 0)).toBe(10000 + 3000 + 4500 + 2000);
    const xof = await gateways("XOF");
    expect(xof.rows.map((r) => [r.key, r.paidCount, r.revenue])).toEqual([["moneroo", 1, 9800], ["cinetpay", 1, 4900], ["unknown", 1, 1000]]);
    expect(xof).toMatchObject({ knownPaidCount: 2, paidCount: 3 });

    // Its CSV: header in English (standard preset) or French (Excel), machine-readable keys, shares of the currency's paid revenue.
    const en = await csvLines(await exportRevenueTable(db().db, "payment_gateway", { ...march, currency: "EUR", preset: "standard" }, { timeZone: TZ, actor, labels: await exportLabels("en") }));
    expect(en).toEqual([
      "Payment gateway,Name,Paid sales,Revenue,Discount given,Average discount,Attempts,Revenue share,Currency",
      "stripe,,2,130.00,0.00,0.00,3,0.6667,EUR",
      "paypal,,1,45.00,5.00,5.00,1,0.2308,EUR",
      "unknown,,1,20.00,0.00,0.00,1,0.1026,EUR",
    ]);
    const fr = await csvLines(await exportRevenueTable(db().db, "payment_gateway", { ...march, currency: "XOF", preset: "excel-fr" }, { timeZone: TZ, actor, labels: await exportLabels("fr") }));
    expect(fr[0]).toBe("Passerelle de paiement;Nom;Ventes payées;Chiffre d’affaires;Remise accordée;Remise moyenne;Tentatives;Part du chiffre d’affaires;Devise");
    expect(fr[1]).toBe("moneroo;;1;9800;0;0;1;0,6242;XOF");
    const customers = await csvLines(await exportRevenueTable(db().db, "customers", { ...march, currency: "XOF", preset: "standard" }, { timeZone: TZ, actor, labels: await exportLabels("en") }));
    expect(customers[0]).toBe("Customer type,Customers,Paid sales,Revenue,Currency");
  });
});
