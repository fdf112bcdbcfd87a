// The Revenue page's data (DESIGN §3): for one currency over the range, breakdowns by product, channel,
// discount code, campaign, country, payment method and payment gateway (from the rollups), and new vs
// returning customers (from sales joined with customers.first_seen_at, since whether a sale is a first one
// is not a rollup dimension: docs/mirror.md "Left out").
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

/**
 * Paid sales of the range split by whether their customer was first seen within the range (new) or
 * before it (returning). Exact once the backfill has read the customer's earliest sale.
 */
export async function getCustomerSplit(db: Kysely<Database>, range: DayRange, currency: string, timeZone: string) {
  const start = startOfLocalDay(range.from, timeZone);
  const end = startOfLocalDay(addDays(range.to, 1), timeZone);
  const kind = sql<string>`case when customers.first_seen_at >= ${start} then 'new' else 'returning' end`;
  const rows = await db
    .selectFrom("sales")
    .leftJoin("customers", "customers.id", "sales.customer_id")
    .select((eb) => [
      sql<string>`case when sales.customer_id is null then 'unknown' else ${kind} end`.as("kind"),
      eb.fn.count<number>("sales.customer_id").distinct().as("customers"),
      eb.fn.countAll<number>().as("paid_count"),
      eb.fn.sum<number>("sales.amount").as("revenue"),
    ])
    .where("sales.status", "in", [...PAID_STATUSES])
    .where("sales.created_at", ">=", start)
    .where("sales.created_at", "<", end)
    .where("sales.currency", "=", currency)
    .groupBy(sql`1`)
    .execute();
  const split: CustomerSplit[] = (["new", "returning"] as const).map((k) => {
    const r = rows.find((x) => x.kind === k);
    return { kind: k, customers: Number(r?.customers ?? 0), paidCount: Number(r?.paid_count ?? 0), revenue: Number(r?.revenue ?? 0) };
  });
  const unknown = rows.find((x) => x.kind === "unknown");
  return { customers: split, unknownCustomerSales: Number(unknown?.paid_count ?? 0) };
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
