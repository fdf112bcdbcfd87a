// The Payouts page's first load at a million sales (issue 17, bench/lists.ts view `payouts`). The statement
// chooser's currencies — from a loose scan of migration 0022's payout-currency index and the monthly
// rollups' order, no longer by counting 13 months of payouts — are exactly the payout currencies a
// statement can hold, checked on both engines against the sales written here by hand. On SQLite, the
// plans the speed rests on: the currencies never walk the payouts, a payout's sales read that day's range
// of sales_payout_due_idx, and the moved payouts read the short history first — none walks every paid sale
// by a status index (migrations 0002 and 0018), which is what made them 0.4–0.8 s at a million sales.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { listPayoutMoves, listPayoutSalesPage } from "@/lib/settlements";
import { listStatementCurrencies } from "@/lib/settlements/statement";
import { saleDetail, saleSummary, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";
import { planOf, plansOf } from "../lists/query-plans";

const ZONE = "Africa/Abidjan";
const NOW = new Date("2026-04-08T10:00:00Z");
const paid = (id: string, currency: string, dueAt: string, o: Partial<SaleFacts> = {}): SaleFacts => ({
  id, status: "completed", currency, originalMinor: 10_000, gatewayFeeMinor: 300, serviceFeeMinor: 500, settlementNetMinor: 9_200,
  createdAt: "2026-03-01T10:00:00Z", completedAt: "2026-03-01T10:05:00Z", settlementDueAt: dueAt, ...o,
});

const DETAILED: SaleFacts[] = [
  paid("x1", "XOF", "2026-03-04T10:00:00Z"),
  paid("x2", "XOF", "2026-03-05T10:00:00Z", { status: "settled", settlementDoneAt: "2026-03-05T12:00:00Z" }),
  paid("x3", "XOF", "2025-03-20T10:00:00Z", { createdAt: "2025-03-17T10:00:00Z", completedAt: "2025-03-17T10:05:00Z" }), // 384 days ago: within 13 months
  paid("e1", "EUR", "2026-04-10T10:00:00Z"),
  paid("e2", "EUR", "2026-03-06T10:00:00Z"),
  paid("d1", "USD", "2026-03-07T10:00:00Z"), // paid out in GBP (set below): a GBP payout, no USD one
  paid("g1", "GHS", "2025-02-01T10:00:00Z", { createdAt: "2025-01-29T10:00:00Z", completedAt: "2025-01-29T10:05:00Z" }), // 431 days ago: too old
  paid("c1", "CHF", "2026-03-07T10:00:00Z", { status: "failed" }), // a payout on an unpaid sale never counts
  paid("n1", "NGN", "2026-03-07T10:00:00Z"), // its currencies made unknown below: no currency to offer
];
// A paid sale only seen in a list: no payout known, so no statement.
const LISTED: SaleFacts[] = [{ id: "l1", status: "completed", currency: "XAF", originalMinor: 5_000, createdAt: "2026-04-01T10:00:00Z", completedAt: "2026-04-01T10:05:00Z" }];

describeEachEngine("Payouts page first load (issue 17)", ({ db, engine }) => {
  async function seed() {
    await upsertSales(db().db, DETAILED.map(saleDetail), { source: "detail", receivedAt: NOW.toISOString(), timeZone: ZONE });
    await upsertSales(db().db, LISTED.map(saleSummary), { source: "list", receivedAt: NOW.toISOString(), timeZone: ZONE });
    // What the factory cannot build: a payout in another currency than the sale's, and a sale with no currency.
    await db().db.updateTable("sales").set({ settlement_currency: "GBP" }).where("id", "=", "d1").execute();
    await db().db.updateTable("sales").set({ settlement_currency: null, currency: null }).where("id", "=", "n1").execute();
  }

  it("offers a statement in exactly the payout currencies of the last 13 months' paid sales, the most sold first", async () => {
    await seed();
    // The data holds what each rule must leave out.
    const stored = await db().db.selectFrom("sales").select(["id", "status", "settlement_due_at"]).where("id", "in", ["c1", "g1", "l1", "n1"]).orderBy("id").execute();
    expect(stored.map((r) => [r.id, r.status, r.settlement_due_at !== null])).toEqual([["c1", "failed", true], ["g1", "completed", true], ["l1", "completed", false], ["n1", "completed", true]]);
    // XOF: 3 paid sales, EUR: 2, GBP: the payout currency of a USD sale (the rollups count it as USD: last).
    expect(await listStatementCurrencies(db().db, ZONE, NOW)).toEqual(["XOF", "EUR", "GBP"]);
    // A year on, only the payouts of the last 13 months are left: EUR's April one.
    expect(await listStatementCurrencies(db().db, ZONE, new Date("2027-04-20T10:00:00Z"))).toEqual(["EUR"]);
  });

  it.runIf(engine === "sqlite")("reads the currencies, a payout's sales and the moved payouts without walking the paid sales", async () => {
    await seed();
    const currencies = await plansOf(db().db, (spy) => listStatementCurrencies(spy, ZONE, NOW));
    const loose = planOf(currencies, /with recursive/i).join("\n");
    expect(loose).toMatch(/sales_payout_currency_idx/);
    expect(loose).not.toMatch(/SCAN sales|sales_payout_due_idx|status/);

    const drill = await plansOf(db().db, (spy) => listPayoutSalesPage(spy, { currency: "XOF", dueDay: "2026-03-04" }, ZONE, { dir: "desc", page: 1, size: 25 }, NOW));
    for (const q of drill.filter((p) => /from "sales"/.test(p.sql))) expect(q.plan.join("\n"), q.sql).toMatch(/SEARCH sales USING (COVERING )?INDEX sales_payout_due_idx \(settlement_due_at>\? AND settlement_due_at<\?\)/);

    const moves = await plansOf(db().db, (spy) => listPayoutMoves(spy, [{ from: "2026-03-01", to: "2026-04-30" }], ZONE));
    const plan = planOf(moves, /sale_settlement_due_history/);
    // The history first (only the sales moved to about those days), then each sale by its key.
    expect(plan[0]).toMatch(/^(SCAN|SEARCH) h\b/);
    expect(plan.join("\n")).toMatch(/SEARCH s USING INDEX sqlite_autoindex_sales_1 \(id=\?\)/);
    expect(plan.join("\n")).not.toMatch(/SCAN s\b|SEARCH s USING (COVERING )?INDEX sales_/);
  });
});
