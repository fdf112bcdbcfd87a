// The Revenue page's data (DESIGN §3): for one currency over the range, breakdowns by product, channel,
// discount code, campaign, country, payment method and payment gateway (from the rollups), and new vs
// returning customers (from the paid sales' first/previous paid purchase facts, since whether a sale is a
// first one is not a rollup dimension: docs/mirror.md "Left out").
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { addDays, startOfLocalDay } from "@/lib/time";
import { breakdownRows, isPaid, kpisByCurrency } from "./aggregate";
import { readDimension, readKpiSums, readLabels } from "./read-rollups";
import { orderCurrencies, resolveStoreRange, type AnalyticsContext } from "./overview";
import type { DayRange, RangeParams } from "./date-range";
import { UNKNOWN_DIMENSION_VALUE } from "./breakdown-keys";
import { BREAKDOWN_DIMENSIONS, PAID_STATUSES, type Breakdown, type BreakdownDimension, type CustomerSplit, type RevenueReport } from "./schemas";

/** One dimension's breakdown for one currency, with how many paid sales have the value known. */
export async function getBreakdown(db: Kysely<Database>, dimension: BreakdownDimension, range: DayRange, currency: string): Promise<Breakdown> {
  const rows = (await readDimension(db, dimension, range)).filter((r) => r.currency === currency);
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

/** The split's single query over paid sales of `currency` created in [start, end) (bench/ explains it). */
export function customerSplitQuery(db: Kysely<Database>, start: string, end: string, currency: string) {
  // first_paid_at is null exactly for paid sales without a customer (currency and created_at are bound).
  const known = sql`first_paid_at is not null`;
  const returning = sql`first_paid_at < ${start}`;
  return db
    .selectFrom("sales")
    .select([
      sql<number>`count(*) - count(first_paid_at)`.as("unknown_sales"),
      sql<number>`coalesce(sum(case when prev_paid_at is null and ${known} then 1 else 0 end), 0)`.as("new_customers"),
      sql<number>`coalesce(sum(case when prev_paid_at < ${start} then 1 else 0 end), 0)`.as("returning_customers"),
      sql<number>`coalesce(sum(case when ${returning} then 1 else 0 end), 0)`.as("returning_sales"),
      sql<number>`coalesce(sum(case when ${returning} then amount else 0 end), 0)`.as("returning_revenue"),
      sql<number>`coalesce(sum(case when first_paid_at >= ${start} then 1 else 0 end), 0)`.as("new_sales"),
      sql<number>`coalesce(sum(case when first_paid_at >= ${start} then amount else 0 end), 0)`.as("new_revenue"),
    ])
    .where(PAID_LITERAL)
    .where("currency", "=", currency)
    .where("created_at", ">=", start)
    .where("created_at", "<", end);
}

/**
 * Paid sales of the range in one currency, split by customer: *new* when the customer's first paid sale in
 * that currency is within the range, *returning* when it was before the range. Additive over the range's
 * sales thanks to each paid sale's first_paid_at / prev_paid_at (lib/mirror/customer-facts.ts), in one
 * index-only pass: a new customer is counted at their first paid sale (no previous one), a returning one at
 * their first sale of the range (previous one before it); a sale's group is its customer's. Exact once the
 * backfill has read the customer's earliest paid sale.
 */
export async function getCustomerSplit(db: Kysely<Database>, range: DayRange, currency: string, timeZone: string) {
  const start = startOfLocalDay(range.from, timeZone);
  const end = startOfLocalDay(addDays(range.to, 1), timeZone);
  const row = await customerSplitQuery(db, start, end, currency).executeTakeFirstOrThrow();
  const customers: CustomerSplit[] = [
    { kind: "new", customers: Number(row.new_customers), paidCount: Number(row.new_sales), revenue: Number(row.new_revenue) },
    { kind: "returning", customers: Number(row.returning_customers), paidCount: Number(row.returning_sales), revenue: Number(row.returning_revenue) },
  ];
  return { customers, unknownCustomerSales: Number(row.unknown_sales) };
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
