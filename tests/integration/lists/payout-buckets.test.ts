// The Payouts page's figures summed by the database (issue 17: payouts per currency and due instant, then
// merged into local days) give, to the minor unit, what adding the sales up one by one gives
// (groupSettlements, the pure rule unit-tested by hand in tests/unit/settlements) over sales built here —
// several due instants on one local day of a DST zone, payouts made, partly made and late, unknown fees
// and nets, payouts not known yet, and unpaid sales that must never count — on both engines; on SQLite,
// each range is read from migration 0019's indexes alone.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { getNextPayouts, getPayoutAnswer, groupSettlements, listPayoutGroups, listSettlements, nextPayouts, type PayoutGroup, type SettlementSale } from "@/lib/settlements";
import { fillPayoutRollup } from "@/lib/db/migrations/0023-payout-rollup";
import { localDay, today } from "@/lib/time";
import { saleDetail, saleSummary, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";
import { planOf, plansOf } from "./query-plans";

const ZONE = "Europe/Paris";
const NOW = new Date("2026-03-31T12:00:00Z"); // DST began on March 29th in Paris
const DUE = ["2026-03-27T23:30:00Z", "2026-03-28T00:00:00Z", "2026-03-28T21:00:00Z", "2026-03-29T22:30:00Z", "2026-03-30T09:00:00Z", "2026-04-02T08:00:00Z", "2026-04-03T08:00:00Z", "2026-02-10T08:00:00Z"];

const SALES: SaleFacts[] = Array.from({ length: 64 }, (_, i) => {
  const due = DUE[i % DUE.length]!;
  const past = Date.parse(due) < NOW.getTime();
  const done = past && i % 5 !== 0 ? new Date(Date.parse(due) + 3_600_000 * (1 + (i % 4))).toISOString() : null;
  return {
    id: `p${String(i).padStart(2, "0")}`,
    status: i % 11 === 4 ? "failed" : done ? "settled" : "completed",
    currency: i % 3 === 0 ? "EUR" : "XOF",
    originalMinor: 1_000 + i * 37,
    gatewayFeeMinor: i % 9 === 2 ? null : 30 + i,
    serviceFeeMinor: i % 13 === 6 ? null : 40 + i,
    settlementNetMinor: 900 + i * 30, // some made unknown after seeding (NET_UNKNOWN)
    settlementDueAt: due,
    settlementDoneAt: done,
    createdAt: "2026-03-20T10:00:00Z",
    completedAt: `2026-03-${20 + (i % 8)}T10:05:00Z`,
  };
});
// A payout known without its amount (the factory only builds a settlement with one): set in the mirror.
const NET_UNKNOWN = SALES.filter((_, i) => i % 10 === 7).map((f) => f.id);
// Paid sales only seen in a list: payout not known yet.
const LISTED: SaleFacts[] = Array.from({ length: 6 }, (_, i) => ({ id: `u${i}`, status: "completed", currency: i % 2 ? "EUR" : "XOF", originalMinor: 500 + i, createdAt: "2026-03-22T10:00:00Z", completedAt: `2026-03-2${2 + i}T10:00:00Z` }));

/** The sales as groupSettlements takes them, from the facts above (paid ones; unknown payout for the listed). */
function reference(from: string, to: string) {
  const inRange = (day: string) => day >= from && day <= to;
  const known: SettlementSale[] = SALES.filter((f) => f.status !== "failed" && inRange(localDay(f.settlementDueAt!, ZONE))).map((f) => ({
    currency: f.currency!, amount: f.originalMinor!, gatewayFee: f.gatewayFeeMinor ?? null, serviceFee: f.serviceFeeMinor ?? null, net: NET_UNKNOWN.includes(f.id) ? null : f.settlementNetMinor!, dueAt: f.settlementDueAt!, doneAt: f.settlementDoneAt ?? null,
  }));
  const unknown: SettlementSale[] = LISTED.filter((f) => inRange(localDay(f.completedAt!, ZONE))).map((f) => ({ currency: f.currency!, amount: f.originalMinor!, gatewayFee: null, serviceFee: null, net: null, dueAt: null, doneAt: null }));
  return groupSettlements([...known, ...unknown], ZONE, NOW);
}

describeEachEngine("Payouts summed by the database (migration 0019)", ({ db, engine }) => {
  async function seed() {
    await upsertSales(db().db, SALES.map(saleDetail), { source: "detail", receivedAt: NOW.toISOString(), timeZone: ZONE });
    await upsertSales(db().db, LISTED.map(saleSummary), { source: "list", receivedAt: NOW.toISOString(), timeZone: ZONE });
    await db().db.updateTable("sales").set({ settlement_net: null }).where("id", "in", NET_UNKNOWN).execute();
    // A write outside upsertSales: the payout rollup filled again from the sales, as migration 0023 does.
    await db().db.deleteFrom("sales_payout_rollup").execute();
    await fillPayoutRollup(db().db);
  }

  it("gives every range the groups, unknown payouts and totals of adding its sales up one by one", async () => {
    await seed();
    for (const [from, to] of [["2026-03-01", "2026-04-30"], ["2026-03-28", "2026-03-30"], ["2026-02-01", "2026-02-28"], ["2026-03-29", "2026-03-29"]] as const) {
      const got = await listSettlements(db().db, { from, to }, ZONE, NOW);
      const want = reference(from, to);
      expect({ groups: got.groups, unknown: got.unknown, totals: got.totals }, `${from}..${to}`).toEqual(want);
    }
    // The data exercises what it should: late payouts, unknown fees and payouts merged from several instants.
    const all = reference("2026-01-01", "2026-12-31");
    expect(all.groups.some((g) => g.status === "overdue")).toBe(true);
    expect(all.groups.some((g) => g.gatewayFee === null)).toBe(true);
    expect(all.groups.some((g) => g.incompleteCount > 0)).toBe(true);
    expect(all.unknown.length).toBe(2);
  });

  it("gives the next payouts and the late ones as the whole groups do", async () => {
    await seed();
    const groups = reference("2026-01-01", "2026-12-31").groups;
    const day = today(ZONE, NOW);
    expect(await getNextPayouts(db().db, ZONE, NOW)).toEqual(nextPayouts(groups, day));
    const answer = await getPayoutAnswer(db().db, ZONE, NOW);
    expect(answer.next).toEqual(nextPayouts(groups, day));
    const late = groups.filter((g) => g.status === "overdue");
    expect(answer.late.map((s) => [s.currency, s.net, s.days]).sort()).toEqual(
      [...new Set(late.map((g) => g.currency))].map((c) => [c, late.filter((g) => g.currency === c).reduce((n, g) => n + g.net, 0), late.filter((g) => g.currency === c).length]).sort(),
    );
    // Given the page's timeline, the owed days it holds come from it: the same answer, whatever the range.
    for (const [from, to] of [["2026-03-01", "2026-03-29"], ["2026-03-28", "2026-04-30"], ["2026-01-01", "2026-12-31"], ["2026-04-05", "2026-04-30"]] as const) {
      const shown = await listSettlements(db().db, { from, to }, ZONE, NOW);
      expect(await getPayoutAnswer(db().db, ZONE, NOW, shown), `${from}..${to}`).toEqual(answer);
    }
  });

  it("gives the calendar's payouts from the range already read, reading only its other days", async () => {
    await seed();
    const byDay = (groups: readonly PayoutGroup[]) => [...groups].sort((a, b) => a.dueDay.localeCompare(b.dueDay) || a.currency.localeCompare(b.currency));
    const shown = await listSettlements(db().db, { from: "2026-03-01", to: "2026-03-29" }, ZONE, NOW);
    const ranges = [
      { from: "2026-03-23", to: "2026-04-05" }, // overlaps the end
      { from: "2026-02-01", to: "2026-03-28" }, // overlaps the start
      { from: "2026-02-01", to: "2026-04-30" }, // holds it
      { from: "2026-03-28", to: "2026-03-29" }, // inside it
      { from: "2026-04-01", to: "2026-04-30" }, // apart from it
    ];
    const got = await listPayoutGroups(db().db, ranges, ZONE, NOW, shown);
    ranges.forEach((r, i) => expect(byDay(got[i]!), `${r.from}..${r.to}`).toEqual(byDay(reference(r.from, r.to).groups)));
    expect(got[3]!.length).toBeGreaterThan(0);
    // Without a timeline read, the same groups, all read.
    expect((await listPayoutGroups(db().db, ranges, ZONE, NOW)).map(byDay)).toEqual(got.map(byDay));
    // The days already read are not read again: inside the range, no query at all.
    let queries = 0;
    const spy = db().db.withPlugin({ transformQuery: (args) => ((queries += 1), args.node), transformResult: async (args) => args.result });
    await listPayoutGroups(spy, [ranges[3]!], ZONE, NOW, shown);
    expect(queries).toBe(0);
  });

  it.runIf(engine === "sqlite")("reads a range's payouts, the days still owed and the payouts not known yet from the indexes alone", async () => {
    await seed();
    const timeline = await plansOf(db().db, (spy) => listSettlements(spy, { from: "2026-03-01", to: "2026-04-30" }, ZONE, NOW));
    // The payouts of the range from the payout rollup (migration 0023), by its key's range of due instants.
    expect(planOf(timeline, /from "sales_payout_rollup"/i).join("\n")).toMatch(/SEARCH sales_payout_rollup USING PRIMARY KEY \(due_at>\? AND due_at<\?\)/);
    expect(planOf(timeline, /"settlement_due_at" is null/i).join("\n")).toMatch(/USING INDEX sales_paid_day_idx/);
    expect(planOf(timeline, /count\("detail_at"\)/i).join("\n")).toMatch(/USING COVERING INDEX sales_paid_day_idx/);
    const answer = await plansOf(db().db, (spy) => getPayoutAnswer(spy, ZONE, NOW));
    expect(planOf(answer, /select distinct/i).join("\n")).toMatch(/USING COVERING INDEX sales_payout_owed_idx/);
  });
});
