// Recovery figures per currency when a customer pays in another currency than the lead's, on both
// engines with hand-made sales: a recovered lead counts where its payment came in (the payment's currency,
// with the payment's amount, each payment once), so every currency's recovered count and recovered value
// come from the same recoveries and no amount is added to another currency (docs/recovery.md "Analytics").
import { parse } from "csv-parse/sync";
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { LEAD_EXPORT_COLUMNS, exportLeadsCsv, listLeads, recoveryStats } from "@/lib/recovery";
import { keyLabels } from "../../factories/csv-labels";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ZONE = "Africa/Abidjan";
const RANGE = { from: "2026-05-01", to: "2026-05-01" };
const owner = { id: "u1", email: "owner@x.test", role: "owner" as const };

// Amounts in minor units, named so the expectations below read as the rule applied by hand.
const XOF_LEAD_PAID_IN_EUR = 4_900; // XOF lead, its customer pays 7,50 € for the product the next day
const EUR_PAYMENT_OF_XOF_LEAD = 750;
const XOF_LEAD_PAID_IN_XOF = 15_000; // XOF lead recovered by a XOF payment of 14 000 (a cheaper retry)
const XOF_PAYMENT = 14_000;
const XOF_LEAD_LOST = 2_500; // never paid
const EUR_LEAD_LOST = 1_200; // never paid
const EUR_ATTEMPT = 990; // two failed EUR attempts of one purchase, then one EUR payment of 9,90 €
const EUR_PAYMENT_OF_TWO_ATTEMPTS = 990;

const lead = (id: string, currency: string, minor: number, customerId: string, productId: string, at: string): SaleFacts => ({
  id, status: "failed", currency, originalMinor: minor, customerId, productId, createdAt: at, failedAt: at,
});
const payment = (id: string, currency: string, minor: number, customerId: string, productId: string, at: string): SaleFacts => ({
  id, status: "completed", currency, originalMinor: minor, customerId, productId, createdAt: at, completedAt: at,
});

describeEachEngine("Recovery per currency with a payment in another currency", ({ db }) => {
  async function seed() {
    await upsertSales(db().db, [
      lead("lx1", "XOF", XOF_LEAD_PAID_IN_EUR, "cus_a", "prd_1", "2026-05-01T09:00:00.000Z"),
      payment("pe1", "EUR", EUR_PAYMENT_OF_XOF_LEAD, "cus_a", "prd_1", "2026-05-02T09:00:00.000Z"),
      lead("lx2", "XOF", XOF_LEAD_PAID_IN_XOF, "cus_b", "prd_2", "2026-05-01T10:00:00.000Z"),
      payment("px2", "XOF", XOF_PAYMENT, "cus_b", "prd_2", "2026-05-03T10:00:00.000Z"),
      lead("lx3", "XOF", XOF_LEAD_LOST, "cus_c", "prd_1", "2026-05-01T11:00:00.000Z"),
      lead("le1", "EUR", EUR_LEAD_LOST, "cus_d", "prd_3", "2026-05-01T12:00:00.000Z"),
      lead("le2", "EUR", EUR_ATTEMPT, "cus_e", "prd_4", "2026-05-01T13:00:00.000Z"),
      lead("le3", "EUR", EUR_ATTEMPT, "cus_e", "prd_4", "2026-05-01T13:05:00.000Z"),
      payment("pe3", "EUR", EUR_PAYMENT_OF_TWO_ATTEMPTS, "cus_e", "prd_4", "2026-05-01T14:00:00.000Z"),
    ].map(saleDetail), { source: "detail", receivedAt: "2026-05-04T00:00:00.000Z", timeZone: ZONE });
  }

  it("counts a recovered lead and its payment's amount in the payment's currency, each payment once", async () => {
    await seed();
    const leads = await listLeads(db().db, RANGE, { windowDays: 14 });
    // The attribution itself (same customer and product, later, within the window) — currency plays no part.
    expect(Object.fromEntries(leads.map((l) => [l.saleId, l.recovered?.saleId ?? null]))).toEqual({ lx1: "pe1", lx2: "px2", lx3: null, le1: null, le2: "pe3", le3: "pe3" });

    const stats = recoveryStats(leads);
    const xofAtRisk = XOF_LEAD_PAID_IN_EUR + XOF_LEAD_PAID_IN_XOF + XOF_LEAD_LOST;
    const eurAtRisk = EUR_LEAD_LOST + 2 * EUR_ATTEMPT;
    // XOF: three leads at risk; recovered in XOF: lx2 only (lx1's money came in euros).
    // EUR: three leads at risk; recovered in EUR: lx1 (by pe1) and le2, le3 (both by pe3, counted once).
    expect(stats.byCurrency).toEqual([
      { currency: "EUR", leads: 3, recoveredLeads: 3, atRiskValue: eurAtRisk, recoveredValue: EUR_PAYMENT_OF_XOF_LEAD + EUR_PAYMENT_OF_TWO_ATTEMPTS, recoveryRate: (EUR_PAYMENT_OF_XOF_LEAD + EUR_PAYMENT_OF_TWO_ATTEMPTS) / eurAtRisk },
      { currency: "XOF", leads: 3, recoveredLeads: 1, atRiskValue: xofAtRisk, recoveredValue: XOF_PAYMENT, recoveryRate: XOF_PAYMENT / xofAtRisk },
    ]);
    // Every recovered lead is counted once, in one currency: the totals of recovered leads agree with the worklist.
    expect(stats.byCurrency.reduce((n, c) => n + c.recoveredLeads, 0)).toBe(4);
    expect(stats.byCategory.reduce((n, b) => n + b.recovered, 0)).toBe(4);
  });

  it("a currency with recoveries but no lead of its own gets a row of its own, nothing at risk", async () => {
    await upsertSales(db().db, [
      lead("lx1", "XOF", XOF_LEAD_PAID_IN_EUR, "cus_a", "prd_1", "2026-05-01T09:00:00.000Z"),
      payment("pe1", "EUR", EUR_PAYMENT_OF_XOF_LEAD, "cus_a", "prd_1", "2026-05-02T09:00:00.000Z"),
    ].map(saleDetail), { source: "detail", receivedAt: "2026-05-04T00:00:00.000Z", timeZone: ZONE });
    expect(recoveryStats(await listLeads(db().db, RANGE, { windowDays: 14 })).byCurrency).toEqual([
      { currency: "EUR", leads: 0, recoveredLeads: 1, atRiskValue: 0, recoveredValue: EUR_PAYMENT_OF_XOF_LEAD, recoveryRate: null },
      { currency: "XOF", leads: 1, recoveredLeads: 0, atRiskValue: XOF_LEAD_PAID_IN_EUR, recoveredValue: 0, recoveryRate: 0 },
    ]);
  });

  it("the CSV gives the recovered amount with its own currency, next to the lead's", async () => {
    await seed();
    const res = await exportLeadsCsv(db().db, { saleIds: ["lx1", "lx2"], range: RANGE, preset: "standard", timeZone: ZONE, labels: keyLabels(LEAD_EXPORT_COLUMNS), actor: owner });
    const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const byId = Object.fromEntries(rows.map((r) => [r.saleId, [r.amount, r.currency, r.recoveredBySale, r.recoveredAmount, r.recoveredCurrency]]));
    expect(byId).toEqual({
      lx1: ["4900", "XOF", "pe1", "7.50", "EUR"],
      lx2: ["15000", "XOF", "px2", "14000", "XOF"],
    });
  });
});
