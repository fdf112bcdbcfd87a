// Each paid sale's first_paid_at / prev_paid_at (lib/mirror/customer-facts.ts, migration 0017) equal an
// independent recomputation from the final sales after seeded random arrivals — list pages newest first (a
// backfill), then details, Pulses and status changes, some moving a sale to another customer or instant — and after
// the migration's own fill; the monthly split table equals its recomputation from the same sales (also
// after a timezone change); and getCustomerSplit over random ranges (whole months and edge days) equals
// the definition computed here with Sets of customers (new = first paid purchase in the currency within
// the range).
import { expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database, SaleRow } from "@/lib/db";
import type { Sale } from "@/lib/chariow";
import { rebuildRollups, upsertSales, type SaleSource } from "@/lib/mirror";
import { getCustomerSplit } from "@/lib/analytics/revenue";
import { fillCustomerSplitMonthly, fillPaidFacts } from "@/lib/db/migrations/0017-customer-paid-facts";
import { startOfLocalDay } from "@/lib/time";
import { describeEachEngine } from "../db/engines";
import { rng } from "../../factories/rng";
import { saleDetail, salePulse, saleSummary, type SaleFacts, type SaleStatus } from "../../factories/sales";


const STATUSES: SaleStatus[] = ["awaiting_payment", "completed", "failed", "abandoned", "settled"];
const PAID = new Set(["completed", "settled"]);
const CUSTOMERS = ["cus_a", "cus_b", "cus_c", "cus_d", "cus_e", "cus_f", null] as const;
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
const SPAN_DAYS = 150;
// Local months and days differ from UTC ones: a sale at 23:30 UTC on the 31st is in the next local month.
const TZ = "Europe/Paris";

type Fixed = { currency: string; createdAt: string; customer: string | null };

function version(r: ReturnType<typeof rng>, id: string, f: Fixed, status: SaleStatus, source: SaleSource, updatedAt: string | null): Sale {
  const facts: SaleFacts = { id, status, currency: f.currency, createdAt: f.createdAt, originalMinor: r.pick([4900, 10000, 25000]), customerId: f.customer ?? undefined, updatedAt };
  const sale = source === "detail" ? saleDetail(facts) : source === "pulse" ? salePulse(facts) : saleSummary(facts);
  return f.customer === null ? { ...sale, customer: null } : sale;
}

/** A world: 90 sales over 150 days, few customers (long chains), two currencies, some equal instants. */
function world(seed: number) {
  const r = rng(seed);
  const fixed = new Map<string, Fixed>();
  for (let i = 0; i < 90; i++) {
    const day = Math.floor(r.next() * SPAN_DAYS);
    // Several sales at the same instant (23:30 UTC: the next local day in Paris, across month ends too).
    const minute = r.maybe(0.2) ? 23 * 60 + 30 : Math.floor(r.next() * 1440);
    fixed.set(`sal_${seed}_${String(i).padStart(3, "0")}`, { currency: r.pick(["XOF", "XOF", "EUR"]), createdAt: new Date(T0 + day * DAY + minute * 60_000).toISOString(), customer: r.pick(CUSTOMERS) });
  }
  return { r, fixed };
}

/** Ingests the world as a backfill (list pages newest first), then random details, Pulses and changes. */
async function ingest(db: Kysely<Database>, seed: number) {
  const { r, fixed } = world(seed);
  const newestFirst = [...fixed].sort(([, a], [, b]) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const opts = (source: SaleSource, step: number) => ({ source, receivedAt: new Date(Date.UTC(2025, 5, 1, 0, step)).toISOString(), timeZone: TZ });
  for (let i = 0; i < newestFirst.length; i += 7) {
    const page = newestFirst.slice(i, i + 7).map(([id, f]) => version(r, id, f, r.pick(STATUSES), "list", null));
    await upsertSales(db, page, opts("list", 0));
  }
  for (let step = 1; step <= 50; step++) {
    const source = r.pick(["list", "detail", "pulse"] as const);
    const batch = Array.from({ length: 1 + Math.floor(r.next() * 6) }, () => {
      const [id, f] = r.pick([...fixed]);
      // Now and then a version names another customer (the mirror keeps the latest non-null one).
      if (r.maybe(0.1)) fixed.set(id, { ...f, customer: r.pick(CUSTOMERS.filter((c) => c !== null)) });
      // And a corrected created_at (a sale moving within its customer's chain).
      else if (r.maybe(0.1)) fixed.set(id, { ...f, createdAt: new Date(Date.parse(f.createdAt) + Math.floor(r.next() * 20 - 10) * DAY).toISOString() });
      return version(r, id, fixed.get(id)!, r.pick(STATUSES), source, new Date(Date.UTC(2025, 5, 1, 0, step)).toISOString());
    });
    await upsertSales(db, batch, opts(source, step));
  }
}

/** first / previous paid created_at per sale, recomputed here from the sales' own columns. */
function expectedFacts(rows: SaleRow[]): Map<string, { first: string | null; prev: string | null }> {
  const chains = new Map<string, SaleRow[]>();
  for (const s of rows) {
    if (!PAID.has(s.status) || !s.customer_id || !s.currency || !s.created_at) continue;
    const key = `${s.customer_id}|${s.currency}`;
    chains.set(key, [...(chains.get(key) ?? []), s]);
  }
  const out = new Map(rows.map((s) => [s.id, { first: null as string | null, prev: null as string | null }]));
  for (const chain of chains.values()) {
    chain.sort((a, b) => (a.created_at! < b.created_at! ? -1 : a.created_at! > b.created_at! ? 1 : a.id < b.id ? -1 : 1));
    chain.forEach((s, k) => out.set(s.id, { first: chain[0]!.created_at, prev: k === 0 ? null : chain[k - 1]!.created_at }));
  }
  return out;
}

async function expectFactsMatch(db: Kysely<Database>): Promise<SaleRow[]> {
  const rows = await db.selectFrom("sales").selectAll().execute();
  const stored = new Map(rows.map((s) => [s.id, { first: s.first_paid_at, prev: s.prev_paid_at }]));
  expect(Object.fromEntries([...stored].sort())).toEqual(Object.fromEntries([...expectedFacts(rows)].sort()));
  await expectMonthlyMatch(db, rows);
  return rows;
}

/**
 * The monthly table recomputed from the sales: per currency, local month and fact, the local day of the
 * customer's first / previous paid sale taken from that sale's own local_day (chains rebuilt here).
 */
async function expectMonthlyMatch(db: Kysely<Database>, rows: SaleRow[]): Promise<void> {
  const chains = new Map<string, SaleRow[]>();
  for (const s of rows) {
    if (!PAID.has(s.status) || !s.customer_id || !s.currency || !s.created_at) continue;
    chains.set(`${s.customer_id}|${s.currency}`, [...(chains.get(`${s.customer_id}|${s.currency}`) ?? []), s]);
  }
  const expected = new Map<string, { count: number; amount: number }>();
  const bump = (s: SaleRow, fact: string, day: string) => {
    const key = [s.currency, s.local_day!.slice(0, 7), fact, day].join("|");
    const cell = expected.get(key) ?? { count: 0, amount: 0 };
    expected.set(key, { count: cell.count + 1, amount: cell.amount + (s.amount ?? 0) });
  };
  for (const chain of chains.values()) {
    chain.sort((a, b) => (a.created_at! < b.created_at! ? -1 : a.created_at! > b.created_at! ? 1 : a.id < b.id ? -1 : 1));
    chain.forEach((s, k) => {
      bump(s, "first", chain[0]!.local_day!);
      if (k === 0) bump(s, "no_prev", "");
      else bump(s, "prev", chain[k - 1]!.local_day!);
    });
  }
  for (const s of rows) if (PAID.has(s.status) && !s.customer_id && s.currency && s.created_at) bump(s, "unknown", "");
  const stored = await db.selectFrom("sales_customer_split_monthly").selectAll().execute();
  const actual = new Map(stored.filter((c) => Number(c.count) !== 0).map((c) => [[c.currency, c.local_month, c.fact, c.fact_day].join("|"), { count: Number(c.count), amount: Number(c.amount) }]));
  // A cell emptied by changes stays as a zero row; it must be entirely zero.
  expect(stored.filter((c) => Number(c.count) === 0).every((c) => Number(c.amount) === 0)).toBe(true);
  expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
}

/** The definition, with Sets: new = first paid purchase in the currency (over all sales) within [from, to]. */
function expectedSplit(rows: SaleRow[], from: string, to: string, currency: string) {
  // The range's bounds (lib/time: where a local day starts); the split itself is computed here.
  const start = startOfLocalDay(from, TZ);
  const end = startOfLocalDay(new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY).toISOString().slice(0, 10), TZ);
  const paid = rows.filter((s) => PAID.has(s.status) && s.currency === currency && s.created_at !== null);
  const firstPaid = new Map<string, string>();
  for (const s of paid) if (s.customer_id && (!firstPaid.has(s.customer_id) || s.created_at! < firstPaid.get(s.customer_id)!)) firstPaid.set(s.customer_id, s.created_at!);
  const groups = { new: { customers: new Set<string>(), paidCount: 0, revenue: 0 }, returning: { customers: new Set<string>(), paidCount: 0, revenue: 0 } };
  let unknown = 0;
  for (const s of paid.filter((x) => x.created_at! >= start && x.created_at! < end)) {
    if (!s.customer_id) {
      unknown++;
      continue;
    }
    const g = groups[firstPaid.get(s.customer_id)! >= start ? "new" : "returning"];
    g.customers.add(s.customer_id);
    g.paidCount++;
    g.revenue += s.amount ?? 0;
  }
  return {
    customers: (["new", "returning"] as const).map((kind) => ({ kind, customers: groups[kind].customers.size, paidCount: groups[kind].paidCount, revenue: groups[kind].revenue })),
    unknownCustomerSales: unknown,
  };
}

describeEachEngine("customer facts (new vs returning)", ({ db }) => {
  for (const seed of [1, 2, 3]) {
    it(`first/previous paid purchase equal a recomputation after a backfill and random updates (seed ${seed})`, async () => {
      await ingest(db().db, seed);
      const rows = await expectFactsMatch(db().db);
      // The world did exercise what matters: chains longer than one, and a sale leaving the paid set.
      expect(rows.filter((s) => s.prev_paid_at !== null).length).toBeGreaterThan(10);
      expect(rows.filter((s) => !PAID.has(s.status)).length).toBeGreaterThan(10);
    });
  }

  it("the migration's fill (window functions) gives the same facts and months", async () => {
    await ingest(db().db, 4);
    await db().db.updateTable("sales").set({ first_paid_at: "2000-01-01T00:00:00.000Z", prev_paid_at: "2000-01-01T00:00:00.000Z" }).execute();
    await db().db.updateTable("sales_customer_split_monthly").set({ count: 7 }).execute();
    await fillPaidFacts(db().db);
    await fillCustomerSplitMonthly(db().db);
    await expectFactsMatch(db().db);
  });

  it("a timezone change rebuilds the months in the new local time", async () => {
    await ingest(db().db, 8);
    await rebuildRollups(db().db, "America/New_York");
    const rows = await expectFactsMatch(db().db); // against the sales' new local days
    expect(rows.some((s) => s.local_day !== null && s.local_day !== s.created_at!.slice(0, 10))).toBe(true);
  });

  for (const seed of [5, 6]) {
    it(`getCustomerSplit equals the definition over random ranges (seed ${seed})`, async () => {
      await ingest(db().db, seed);
      const rows = await db().db.selectFrom("sales").selectAll().execute();
      const r = rng(seed * 100);
      let returning = 0;
      for (let k = 0; k < 60; k++) {
        // Month starts and ends half the time, so whole months (the monthly table) meet edge days.
        const day = (d: number) => new Date(T0 + d * DAY).toISOString().slice(0, 10);
        const snap = (d: string, end: boolean) => (r.maybe(0.5) ? d : end ? new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10) : `${d.slice(0, 7)}-01`);
        const from = snap(day(Math.floor(r.next() * (SPAN_DAYS + 10)) - 5), false);
        const to = snap(new Date(Date.parse(from) + Math.floor(r.next() * 120) * DAY).toISOString().slice(0, 10), true);
        const currency = r.pick(["XOF", "EUR"]);
        const split = await getCustomerSplit(db().db, { from, to }, currency, TZ);
        expect(split, `${currency} ${from}..${to}`).toEqual(expectedSplit(rows, from, to, currency));
        returning += split.customers[1]!.customers;
      }
      expect(returning).toBeGreaterThan(0); // ranges did find returning customers
    });
  }
});
