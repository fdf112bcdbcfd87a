// The payout rollup (migration 0023) kept by upsertSales: after seeded random arrivals of list summaries,
// details and Pulses — status changes, payouts made, rescheduled, nets and fees learned — the timeline, the
// calendar, the answer and a payout's drill-down equal, on both engines, the same questions answered from
// the sales rows themselves (the pure groupSettlements rule over each paid sale, with the row-to-sale
// conversion written here); and a bucket a paid-out sale leaves keeps the latest payout instant of the
// sales still in it (a max is not a sum: it must be read again, not subtracted).
import { expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database, SaleRow } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { answerFromGroups, getPayoutAnswer, groupSettlements, listPayoutGroups, listPayoutSalesPage, listSettlements, type PayoutGroup, type SettlementSale } from "@/lib/settlements";
import { localDay, today } from "@/lib/time";
import { rng } from "../../factories/rng";
import { saleDetail, salePulse, saleSummary, type SaleFacts, type SaleStatus } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ZONE = "Europe/Paris";
const NOW = new Date("2026-03-31T12:00:00Z");
// Due instants: two on one Paris day (and its UTC neighbour), around the DST switch, past and to come.
const DUE = ["2026-03-27T23:30:00.000Z", "2026-03-28T08:00:00.000Z", "2026-03-28T21:00:00.000Z", "2026-03-29T22:30:00.000Z", "2026-03-30T09:00:00.000Z", "2026-04-02T08:00:00.000Z", "2026-04-06T08:00:00.000Z"];
const DONE = ["2026-03-29T10:00:00.000Z", "2026-03-30T12:00:00.000Z", "2026-03-31T09:00:00.000Z"];
const STATUSES: SaleStatus[] = ["completed", "completed", "settled", "failed", "abandoned", "awaiting_payment"];
const RANGES = [["2026-03-01", "2026-04-30"], ["2026-03-28", "2026-03-30"], ["2026-03-29", "2026-03-29"], ["2026-04-01", "2026-04-10"]] as const;

// ---- The independent answer, from the sales rows (not from the rollup) ----

const PAID = new Set(["completed", "settled"]);

/** A paid row as groupSettlements takes it: the payout's currency, the net when its currency is known. */
function asSettlementSale(r: SaleRow): SettlementSale {
  const currency = r.settlement_currency ?? r.currency;
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return { currency, amount: num(r.amount), gatewayFee: num(r.gateway_fee), serviceFee: num(r.service_fee), net: currency === null ? null : num(r.settlement_net), dueAt: r.settlement_due_at, doneAt: r.settlement_done_at };
}

async function truth(db: Kysely<Database>, from: string, to: string) {
  const rows = (await db.selectFrom("sales").selectAll().execute()).filter((r) => PAID.has(r.status));
  const inRange = (day: string | null) => day !== null && day >= from && day <= to;
  const known = rows.filter((r) => r.settlement_due_at !== null && inRange(localDay(r.settlement_due_at, ZONE)));
  const unknown = rows.filter((r) => r.settlement_due_at === null && inRange(r.completed_at === null ? null : localDay(r.completed_at, ZONE)));
  return { rows, known, ...groupSettlements([...known, ...unknown].map(asSettlementSale), ZONE, NOW) };
}

const byDay = (groups: readonly PayoutGroup[]) => [...groups].sort((a, b) => a.dueDay.localeCompare(b.dueDay) || a.currency.localeCompare(b.currency));

function randomVersion(r: ReturnType<typeof rng>, id: string, currency: string): { sale: ReturnType<typeof saleDetail>; source: "list" | "detail" | "pulse" } {
  const status = r.pick(STATUSES);
  const paid = status === "completed" || status === "settled";
  const due = r.pick(DUE);
  const f: SaleFacts = {
    id, status, currency, createdAt: "2026-03-25T10:00:00.000Z", completedAt: paid ? r.pick(["2026-03-26T10:00:00.000Z", "2026-03-28T22:30:00.000Z"]) : null,
    originalMinor: r.pick([4900, 10_000, 25_000]),
    gatewayFeeMinor: r.maybe(0.7) ? r.pick([147, 300]) : null,
    serviceFeeMinor: r.maybe(0.7) ? r.pick([245, 500]) : null,
    settlementNetMinor: r.maybe(0.8) ? r.pick([4500, 9000, 23_000]) : null,
    settlementDueAt: due,
    // A payout made stays made (a later version without it keeps it, lib/mirror/merge.ts): the early
    // payouts are often all made, the later ones seldom.
    settlementDoneAt: r.maybe(due < "2026-03-28T12:00:00.000Z" ? 0.4 : 0.03) ? r.pick(DONE) : null,
    updatedAt: r.maybe(0.5) ? r.pick(["2026-03-29T00:00:00.000Z", "2026-03-30T00:00:00.000Z", "2026-03-31T00:00:00.000Z"]) : null,
  };
  const source = r.pick(["list", "detail", "detail", "pulse"] as const);
  return { sale: source === "detail" ? saleDetail(f) : source === "pulse" ? salePulse(f) : saleSummary(f), source };
}

describeEachEngine("Payout rollup (migration 0023)", ({ db }) => {
  for (const seed of [11, 12, 13]) {
    it(`gives the timeline, calendar, answer and drill-down of the sales themselves after random upserts (seed ${seed})`, async () => {
      const r = rng(seed);
      const ids = Array.from({ length: 36 }, (_, i) => `sal_${seed}_${i}`);
      const currency = new Map(ids.map((id) => [id, r.pick(["XOF", "XOF", "EUR"])]));
      for (let step = 0; step < 70; step++) {
        const versions = Array.from({ length: 1 + Math.floor(r.next() * 6) }, () => {
          const id = r.pick(ids);
          return randomVersion(r, id, currency.get(id)!);
        });
        // One batch per source, as lib/sync and lib/pulses write them.
        for (const source of ["list", "detail", "pulse"] as const) {
          const batch = versions.filter((v) => v.source === source).map((v) => v.sale);
          if (batch.length) await upsertSales(db().db, batch, { source, receivedAt: new Date(Date.UTC(2026, 2, 31, 0, step)).toISOString(), timeZone: ZONE });
        }
      }
      // And one payout wholly made (XAF, two sales paid out), so a settled group is among them.
      const made = (id: string, doneAt: string) => saleDetail({ id, status: "settled", currency: "XAF", originalMinor: 5000, settlementNetMinor: 4600, settlementDueAt: DUE[1], settlementDoneAt: doneAt, createdAt: "2026-03-25T10:00:00.000Z" });
      await upsertSales(db().db, [made(`xaf_${seed}_1`, DONE[0]!), made(`xaf_${seed}_2`, DONE[1]!)], { source: "detail", receivedAt: "2026-03-31T10:00:00.000Z", timeZone: ZONE });
      // And a paid sale only seen in a list (its payout not known yet).
      await upsertSales(db().db, [saleSummary({ id: `listed_${seed}`, status: "completed", currency: "EUR", createdAt: "2026-03-28T10:00:00.000Z", completedAt: "2026-03-28T10:05:00.000Z" })], { source: "list", receivedAt: "2026-03-31T10:00:00.000Z", timeZone: ZONE });
      const k = db().db;
      const all = await truth(k, "2000-01-01", "2100-01-01");
      // The data exercises what it should: payouts made, partly made, late and to come, unknown fees,
      // several instants merged into one day, and payouts moved (the history holds reschedules).
      const statuses = new Set(all.groups.map((g) => g.status));
      expect([...statuses].sort()).toEqual(["due", "overdue", "settled"]);
      expect(all.groups.some((g) => g.gatewayFee === null)).toBe(true);
      expect(all.unknown.length).toBeGreaterThan(0);
      expect((await k.selectFrom("sale_settlement_due_history").select("id").execute()).length).toBeGreaterThan(0);

      for (const [from, to] of RANGES) {
        const got = await listSettlements(k, { from, to }, ZONE, NOW);
        const want = await truth(k, from, to);
        expect({ groups: got.groups, unknown: got.unknown, totals: got.totals }, `${from}..${to}`).toEqual({ groups: want.groups, unknown: want.unknown, totals: want.totals });
      }
      // The calendar, with and without the page's timeline already read.
      const shown = await listSettlements(k, { from: "2026-03-28", to: "2026-03-30" }, ZONE, NOW);
      const calendar = [{ from: "2026-03-23", to: "2026-04-05" }, { from: "2026-03-30", to: "2026-04-05" }];
      for (const withShown of [shown, undefined]) {
        const got = await listPayoutGroups(k, calendar, ZONE, NOW, withShown);
        for (const [i, c] of calendar.entries()) expect(byDay(got[i]!), `${c.from}..${c.to}`).toEqual(byDay((await truth(k, c.from, c.to)).groups));
      }
      // The answer: next, this week's and the late payouts, from every group of the sales.
      const answer = answerFromGroups(all.groups, today(ZONE, NOW));
      expect(await getPayoutAnswer(k, ZONE, NOW)).toEqual(answer);
      expect(await getPayoutAnswer(k, ZONE, NOW, shown)).toEqual(answer);
      // Each payout's drill-down: exactly its paid sales, counted.
      for (const g of all.groups) {
        const page = await listPayoutSalesPage(k, g, ZONE, { dir: "desc", page: 1, size: 100 }, NOW);
        const want = all.known.filter((s) => (s.settlement_currency ?? s.currency ?? "???") === g.currency && localDay(s.settlement_due_at!, ZONE) === g.dueDay);
        expect(page.total, `${g.currency} ${g.dueDay}`).toBe(want.length);
        expect(page.rows.map((s) => s.id).sort()).toEqual(want.map((s) => s.id).sort());
        expect(g.salesCount).toBe(want.length);
      }
    });
  }

  it("keeps a payout's latest payout instant right when a paid-out sale leaves it", async () => {
    const due = "2026-03-28T08:00:00.000Z";
    const sale = (id: string, o: Partial<SaleFacts>) => saleDetail({ id, status: "settled", currency: "XOF", originalMinor: 10_000, settlementNetMinor: 9_000, settlementDueAt: due, createdAt: "2026-03-25T10:00:00.000Z", completedAt: "2026-03-25T10:05:00.000Z", ...o });
    const opts = (at: string) => ({ source: "detail" as const, receivedAt: at, timeZone: ZONE });
    // c: paid out, yet still "completed" in the mirror (its status change not read yet).
    await upsertSales(
      db().db,
      [sale("a", { settlementDoneAt: "2026-03-28T09:00:00.000Z" }), sale("b", { settlementDoneAt: "2026-03-28T15:00:00.000Z" }), sale("c", { status: "completed", settlementDoneAt: "2026-03-28T18:00:00.000Z", updatedAt: "2026-03-28T18:00:00.000Z" })],
      opts("2026-03-29T00:00:00.000Z"),
    );
    const day = async () => (await listSettlements(db().db, { from: "2026-03-28", to: "2026-03-28" }, ZONE, NOW)).groups.map((g) => [g.salesCount, g.status, g.doneAt]);
    expect(await day()).toEqual([[3, "settled", "2026-03-28T18:00:00.000Z"]]);
    // c is refused after all (no longer paid): the payout is a's and b's, made at b's instant.
    await upsertSales(db().db, [sale("c", { status: "failed", settlementDoneAt: null, updatedAt: "2026-03-30T00:00:00.000Z" })], opts("2026-03-30T00:00:00.000Z"));
    expect(await day()).toEqual([[2, "settled", "2026-03-28T15:00:00.000Z"]]);
    // b is moved to another payout (rescheduled): the day's payout is a's alone.
    await upsertSales(db().db, [sale("b", { settlementDoneAt: "2026-03-28T15:00:00.000Z", settlementDueAt: "2026-04-02T08:00:00.000Z", updatedAt: "2026-03-31T00:00:00.000Z" })], opts("2026-03-31T00:00:00.000Z"));
    expect(await day()).toEqual([[1, "settled", "2026-03-28T09:00:00.000Z"]]);
    const stored = await db().db.selectFrom("sales").select(["id", "status", "settlement_due_at"]).orderBy("id").execute();
    expect(stored).toEqual([{ id: "a", status: "settled", settlement_due_at: due }, { id: "b", status: "settled", settlement_due_at: "2026-04-02T08:00:00.000Z" }, { id: "c", status: "failed", settlement_due_at: due }]);
  });
});
