// The Revenue page's data (DESIGN §3): for one currency over the range, breakdowns by product, channel,
// discount code, campaign, country, payment method and payment gateway (from the rollups), and new vs
// returning customers (from the paid sales' first/previous paid purchase facts, since whether a sale is a
// first one is not a rollup dimension: docs/mirror.md "Left out").
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { addDays, monthOfDay, monthRange, startOfLocalDay } from "@/lib/time";
import { breakdownRows, isPaid, kpisByCurrency } from "./aggregate";
import { readDimension, readKpiSums, readLabels } from "./read-rollups";
import { orderCurrencies, resolveStoreRange, type AnalyticsContext } from "./overview";
import type { DayRange, RangeParams } from "./date-range";
import { UNKNOWN_DIMENSION_VALUE } from "./breakdown-keys";
import { BREAKDOWN_DIMENSIONS, PAID_STATUSES, type Breakdown, type BreakdownDimension, type CustomerSplit, type RevenueReport } from "./schemas";

/** One dimension's breakdown for one currency, with how many paid sales have the value known. */
export async function getBreakdown(db: Kysely<Database>, dimension: BreakdownDimension, range: DayRange, currency: string): Promise<Breakdown> {
  const rows = await readDimension(db, dimension, range, currency);
  const keys = [...new Set(rows.map((r) => r.dimension_value ?? ""))].filter((k) => k !== UNKNOWN_DIMENSION_VALUE);
  const labels = await readLabels(db, dimension, keys);
  let paidCount = 0;
  let knownPaidCount = 0;
  for (const r of rows) {
    if (!isPaid(r.status)) continue;
    paidCount += r.count;
    if (r.dimension_value !== UNKNOWN_DIMENSION_VALUE) knownPaidCount += r.count;
  }
  return { dimension, currency, rows: breakdownRows(rows, currency, labels), knownPaidCount, paidCount };
}

// The paid statuses as a literal, the very condition of the covering partial index
// sales_paid_customer_facts_idx (migration 0017): SQLite uses a partial index only when the query's WHERE
// implies the index's, which bound parameters cannot show.
const PAID_LITERAL = sql.raw<boolean>(`status in (${PAID_STATUSES.map((s) => `'${s}'`).join(", ")})`);

type SplitSums = {
  unknown_sales: number;
  new_customers: number;
  returning_customers: number;
  returning_sales: number;
  returning_revenue: number;
  new_sales: number;
  new_revenue: number;
};

/**
 * The split's sums over paid sales of `currency` created in [from, to), for a range starting at `start`
 * (which the facts are compared with): one index-only pass (bench/ explains it).
 */
export function customerSplitQuery(db: Kysely<Database>, start: string, from: string, to: string, currency: string) {
  // first_paid_at is null exactly for paid sales without a customer (currency and created_at are bound).
  const returning = sql`first_paid_at < ${start}`;
  const fresh = sql`first_paid_at >= ${start}`;
  return db
    .selectFrom("sales")
    .select([
      sql<number>`count(*) - count(first_paid_at)`.as("unknown_sales"),
      sql<number>`coalesce(sum(case when prev_paid_at is null and first_paid_at is not null then 1 else 0 end), 0)`.as("new_customers"),
      sql<number>`coalesce(sum(case when prev_paid_at < ${start} then 1 else 0 end), 0)`.as("returning_customers"),
      sql<number>`coalesce(sum(case when ${returning} then 1 else 0 end), 0)`.as("returning_sales"),
      sql<number>`coalesce(sum(case when ${returning} then amount else 0 end), 0)`.as("returning_revenue"),
      sql<number>`coalesce(sum(case when ${fresh} then 1 else 0 end), 0)`.as("new_sales"),
      sql<number>`coalesce(sum(case when ${fresh} then amount else 0 end), 0)`.as("new_revenue"),
    ])
    .where(PAID_LITERAL)
    .where("currency", "=", currency)
    .where("created_at", ">=", from)
    .where("created_at", "<", to);
}

/** The same sums over whole local months [first, last] from the monthly table, for a range from day `from`. */
export function monthlySplitQuery(db: Kysely<Database>, from: string, first: string, last: string, currency: string) {
  const n = sql.ref("count");
  const sumWhen = (condition: ReturnType<typeof sql>, value = n) => sql<number>`coalesce(sum(case when ${condition} then ${value} else 0 end), 0)`;
  return db
    .selectFrom("sales_customer_split_monthly")
    .select([
      sumWhen(sql`fact = 'unknown'`).as("unknown_sales"),
      sumWhen(sql`fact = 'no_prev'`).as("new_customers"),
      sumWhen(sql`fact = 'prev' and fact_day < ${from}`).as("returning_customers"),
      sumWhen(sql`fact = 'first' and fact_day < ${from}`).as("returning_sales"),
      sumWhen(sql`fact = 'first' and fact_day < ${from}`, sql.ref("amount")).as("returning_revenue"),
      sumWhen(sql`fact = 'first' and fact_day >= ${from}`).as("new_sales"),
      sumWhen(sql`fact = 'first' and fact_day >= ${from}`, sql.ref("amount")).as("new_revenue"),
    ])
    .where("currency", "=", currency)
    .where("local_month", ">=", first)
    .where("local_month", "<=", last);
}

/** The whole local months inside the range ('YYYY-MM'), or null when it holds none. */
export function wholeMonthsOf(range: DayRange): { first: string; last: string } | null {
  const first = range.from === monthRange(range.from).from ? monthOfDay(range.from) : monthOfDay(addDays(monthRange(range.from).to, 1));
  const last = range.to === monthRange(range.to).to ? monthOfDay(range.to) : monthOfDay(addDays(monthRange(range.to).from, -1));
  return first <= last ? { first, last } : null;
}

const NO_SUMS: SplitSums = { unknown_sales: 0, new_customers: 0, returning_customers: 0, returning_sales: 0, returning_revenue: 0, new_sales: 0, new_revenue: 0 };

/**
 * Paid sales of the range in one currency, split by customer: *new* when the customer's first paid sale in
 * that currency is within the range, *returning* when it was before the range. Additive over the range's
 * sales thanks to each paid sale's first_paid_at / prev_paid_at (lib/mirror/customer-facts.ts): a new
 * customer is counted at their first paid sale (no previous one), a returning one at their first sale of
 * the range (previous one before it); a sale's group is its customer's. Whole months are read from
 * sales_customer_split_monthly, the edge days from the sales' covering index. Exact once the backfill has
 * read the customer's earliest paid sale.
 */
export async function getCustomerSplit(db: Kysely<Database>, range: DayRange, currency: string, timeZone: string) {
  const start = startOfLocalDay(range.from, timeZone);
  const end = startOfLocalDay(addDays(range.to, 1), timeZone);
  const months = wholeMonthsOf(range);
  const scan = (from: string, to: string) => (from < to ? customerSplitQuery(db, start, from, to, currency).executeTakeFirstOrThrow() : NO_SUMS);
  const parts: SplitSums[] = months
    ? await Promise.all([
        scan(start, startOfLocalDay(`${months.first}-01`, timeZone)),
        monthlySplitQuery(db, range.from, months.first, months.last, currency).executeTakeFirstOrThrow(),
        scan(startOfLocalDay(addDays(monthRange(`${months.last}-01`).to, 1), timeZone), end),
      ])
    : [await scan(start, end)];
  const total = (k: keyof SplitSums) => parts.reduce((sum, p) => sum + Number(p[k]), 0);
  const customers: CustomerSplit[] = [
    { kind: "new", customers: total("new_customers"), paidCount: total("new_sales"), revenue: total("new_revenue") },
    { kind: "returning", customers: total("returning_customers"), paidCount: total("returning_sales"), revenue: total("returning_revenue") },
  ];
  return { customers, unknownCustomerSales: total("unknown_sales") };
}

export async function getRevenueReport(
  db: Kysely<Database>,
  params: RangeParams & { currency?: string },
  ctx: AnalyticsContext,
): Promise<RevenueReport> {
  const range = await resolveStoreRange(db, params, ctx);
  const totals = kpisByCurrency(await readKpiSums(db, range));
  const currencies = orderCurrencies(totals, new Map());
  // The currency asked is the one answered, sales or not: falling back to another one would show its
  // figures under the asked one's name. Only when none is asked does the range's main currency apply.
  const currency = params.currency ?? currencies[0] ?? null;
  if (currency === null) return { range, currencies, currency, hasSales: false, breakdowns: [], customers: [], unknownCustomerSales: 0 };
  const [breakdowns, split] = await Promise.all([
    Promise.all(BREAKDOWN_DIMENSIONS.map((d) => getBreakdown(db, d, range, currency))),
    getCustomerSplit(db, range, currency, ctx.timeZone),
  ]);
  return { range, currencies, currency, hasSales: currencies.includes(currency), breakdowns, ...split };
}
