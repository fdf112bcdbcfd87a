// The settlement timeline over the real mirror (both engines): payouts per currency and local due day,
// the range bounded in the store timezone, unknown settlements with enrichment progress, next payout,
// and the drill-down to a payout's sales with overdue flags. Expected sums are the factories' inputs.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { listAudit } from "@/lib/audit";
import { keyLabels } from "../../factories/csv-labels";
import { PAYOUT_SALE_EXPORT_COLUMNS, exportPayoutSalesCsv, getNextPayouts, listPayoutSales, listSettlements } from "@/lib/settlements";
import { saleDetail, saleSummary, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ZONE = "Europe/Paris";
const NOW = new Date("2026-03-31T12:00:00Z");

const paid = (id: string, o: Partial<SaleFacts>): SaleFacts => ({ id, status: "completed", currency: "XOF", originalMinor: 10_000, gatewayFeeMinor: 300, serviceFeeMinor: 500, settlementNetMinor: 9_200, createdAt: "2026-03-26T10:00:00Z", completedAt: "2026-03-26T10:05:00Z", ...o });

describeEachEngine("Settlement timeline", ({ db }) => {
  async function seed() {
    const details = [
      paid("s1", { settlementDueAt: "2026-03-28T23:30:00Z", settlementDoneAt: "2026-03-29T08:00:00Z", status: "settled" }), // Paris: due 29th
      paid("s2", { settlementDueAt: "2026-03-29T00:00:00Z", settlementDoneAt: "2026-03-29T08:00:00Z", status: "settled" }), // due 29th
      paid("s3", { settlementDueAt: "2026-03-30T00:00:00Z" }), // due 30th, not done → overdue at NOW
      paid("s4", { currency: "EUR", originalMinor: 7_920, gatewayFeeMinor: 237, serviceFeeMinor: 396, settlementNetMinor: 7_287, settlementDueAt: "2026-04-02T00:00:00Z" }),
      paid("s5", { settlementDueAt: "2026-04-02T00:00:00Z", originalMinor: 5_000, gatewayFeeMinor: 150, serviceFeeMinor: 250, settlementNetMinor: 4_600 }),
    ].map(saleDetail);
    await upsertSales(db().db, details, { source: "detail", receivedAt: NOW.toISOString(), timeZone: ZONE });
    // A paid sale only seen in a list: settlement unknown (not enriched yet).
    await upsertSales(db().db, [saleSummary(paid("s6", { completedAt: "2026-03-27T09:00:00Z" }))], { source: "list", receivedAt: NOW.toISOString(), timeZone: ZONE });
  }

  it("groups payouts by local due day and currency, with due vs done and unknown settlements", async () => {
    await seed();
    const t = await listSettlements(db().db, { from: "2026-03-20", to: "2026-04-05" }, ZONE, NOW);
    expect(t.groups.map((g) => [g.currency, g.dueDay, g.status, g.salesCount, g.gross, g.gatewayFee, g.serviceFee, g.net])).toEqual([
      ["EUR", "2026-04-02", "due", 1, 7_920, 237, 396, 7_287],
      ["XOF", "2026-04-02", "due", 1, 5_000, 150, 250, 4_600],
      ["XOF", "2026-03-30", "overdue", 1, 10_000, 300, 500, 9_200],
      ["XOF", "2026-03-29", "settled", 2, 20_000, 600, 1_000, 18_400],
    ]);
    expect(t.unknown).toEqual([{ currency: "XOF", salesCount: 1, gross: 10_000 }]);
    expect(t.enrichment).toEqual({ paid: 6, enriched: 5 });
    expect(t.totals.find((x) => x.currency === "XOF")).toMatchObject({ gross: 35_000, net: 32_200 });
  });

  it("bounds the range by local days: a payout due 23:30 UTC on the 28th belongs to the 29th in Paris", async () => {
    await seed();
    const t = await listSettlements(db().db, { from: "2026-03-29", to: "2026-03-29" }, ZONE, NOW);
    expect(t.groups.map((g) => [g.dueDay, g.salesCount])).toEqual([["2026-03-29", 2]]);
  });

  it("gives the next payout per currency and drills down to a payout's sales", async () => {
    await seed();
    expect((await getNextPayouts(db().db, ZONE, NOW)).map((g) => [g.currency, g.dueDay, g.net])).toEqual([
      ["EUR", "2026-04-02", 7_287],
      ["XOF", "2026-04-02", 4_600],
    ]);
    const sales = await listPayoutSales(db().db, { currency: "XOF", dueDay: "2026-03-30" }, ZONE, NOW);
    expect(sales.map((s) => [s.id, s.overdue, s.net])).toEqual([["s3", true, 9_200]]);
    const done = await listPayoutSales(db().db, { currency: "XOF", dueDay: "2026-03-29" }, ZONE, NOW);
    expect(done.map((s) => [s.id, s.overdue]).sort()).toEqual([["s1", false], ["s2", false]]);
  });

  it("exports a payout's sales as CSV (French Excel preset) and audits the export", async () => {
    await seed();
    const actor = { id: "u1", email: "owner@example.com", role: "owner" as const };
    const res = await exportPayoutSalesCsv(db().db, { currency: "XOF", dueDay: "2026-03-29", preset: "excel-fr", timeZone: ZONE, labels: keyLabels(PAYOUT_SALE_EXPORT_COLUMNS), actor });
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[0].split(";").slice(0, 4)).toEqual(["saleId", "status", "product", "customerEmail"]);
    expect(lines.slice(1).map((l) => l.split(";")[0]).sort()).toEqual(["s1", "s2"]);
    expect(lines[1].split(";")[8]).toBe("9200"); // net, XOF has no decimals
    await new Promise((r) => setTimeout(r, 20));
    expect((await listAudit(db().db, { action: "settlements.export" }))[0]).toMatchObject({ target: "XOF:2026-03-29", details: { rows: 2, preset: "excel-fr", completed: true } });
  });
});
