// SQL over the rollups (docs/mirror.md "Rollups"): the rows analytics aggregate, read with count > 0 (a
// bucket emptied by status changes stays as a zero row). Same Kysely on both engines. Sums over a range
// read whole months from the monthly table and the edge days from the daily one (./rollup-periods.ts):
// callers accumulate rows by key, so a key may come back once per part.
import "server-only";
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import type { RollupFigures } from "./aggregate";
import type { DayRange, Interval } from "./date-range";
import { byPeriod, dailyPart, rollupParts, unionOfParts, unionOfRanges } from "./rollup-periods";
import { PAID_STATUSES, type BreakdownDimension } from "./schemas";

/** The sums a RollupFigures row carries, as SQL aggregates over rollup rows. */
function figureSums(eb: ExpressionBuilder<Database, "sales_rollup_daily">) {
  return [
    eb.fn.sum<number>("count").as("count"),
    eb.fn.sum<number>("amount").as("amount"),
    eb.fn.sum<number>("discount_amount").as("discount_amount"),
    eb.fn.sum<number>("gateway_fee").as("gateway_fee"),
    eb.fn.sum<number>("gateway_fee_known_count").as("gateway_fee_known_count"),
    eb.fn.sum<number>("service_fee").as("service_fee"),
    eb.fn.sum<number>("settlement_net").as("settlement_net"),
    eb.fn.sum<number>("settlement_known_count").as("settlement_known_count"),
  ] as const;
}

/**
 * The range's KPI sums per currency × status, summed by SQL (a few dozen rows instead of one per day:
 * building ten thousand row objects in JS cost more than the scan). Net revenue is the sum of the known
 * settlement amounts and their count (lib/settlements/net.ts), exact whatever the buckets.
 */
export async function readKpiSums(db: Kysely<Database>, range: DayRange): Promise<RollupFigures[]> {
  return (await readKpiSumsOf(db, [range]))[0]!;
}

/** readKpiSums of several ranges (a range and its comparison) in one statement; element i answers ranges[i]. */
export async function readKpiSumsOf(db: Kysely<Database>, ranges: readonly DayRange[]): Promise<RollupFigures[][]> {
  const query = unionOfRanges(db, ranges, (qb) =>
    qb
      .select((eb) => ["currency", "status", ...figureSums(eb)])
      .where("dimension", "=", "all")
      .where("count", ">", 0)
      .groupBy(["currency", "status"]),
  );
  const rows = query ? await query.execute() : [];
  return byPeriod(rows, ranges.length).map((list, i) =>
    list.map((r) => ({
      local_day: ranges[i]!.from, currency: r.currency, status: r.status, count: Number(r.count), amount: Number(r.amount),
      discount_amount: Number(r.discount_amount), gateway_fee: Number(r.gateway_fee), gateway_fee_known_count: Number(r.gateway_fee_known_count),
      service_fee: Number(r.service_fee), settlement_net: Number(r.settlement_net), settlement_known_count: Number(r.settlement_known_count),
    })),
  );
}

/**
 * Paid revenue and sales per local day × currency (what the revenue series needs) of each range, in one
 * statement; element i answers ranges[i]. With a monthly interval whole months come from the monthly
 * rollups, dated their 1st (the series buckets them by month anyway).
 */
export async function readPaidByDayOf(db: Kysely<Database>, ranges: readonly DayRange[], interval: Interval = "day"): Promise<RollupFigures[][]> {
  const query = unionOfRanges(db, ranges, (qb, part) => {
    const day = interval === "month" && part.table === "sales_rollup_monthly" ? sql<string>`local_month || '-01'` : sql.ref<string>("local_day");
    return qb
      .select((eb) => [day.as("local_day"), "currency", eb.fn.sum<number>("count").as("count"), eb.fn.sum<number>("amount").as("amount")])
      .where("dimension", "=", "all")
      .where("status", "in", [...PAID_STATUSES])
      .where("count", ">", 0)
      .groupBy([day, "currency"]);
  }, interval === "month" ? rollupParts : dailyPart);
  const rows = query ? await query.execute() : [];
  return byPeriod(rows, ranges.length).map((list) =>
    list.map((r) => ({
      local_day: r.local_day, currency: r.currency, status: PAID_STATUSES[0], count: Number(r.count), amount: Number(r.amount),
      discount_amount: 0, gateway_fee: 0, gateway_fee_known_count: 0, service_fee: 0, settlement_net: 0, settlement_known_count: 0,
    })),
  );
}

/** One dimension's rows over the range, summed across days (per currency × status × value); one currency's when given. */
export async function readDimension(db: Kysely<Database>, dimension: BreakdownDimension, { from, to }: DayRange, currency?: string): Promise<RollupFigures[]> {
  const query = unionOfParts(db, from, to, (qb) =>
      qb
        .select((eb) => [
          sql<string>`${from}`.as("local_day"),
          "currency",
          "status",
          "dimension_value",
          ...figureSums(eb),
        ])
        .where("dimension", "=", dimension)
        .$if(currency !== undefined, (qb) => qb.where("currency", "=", currency!))
        .where("count", ">", 0)
        .groupBy(["currency", "status", "dimension_value"]),
  );
  const rows = query ? await query.execute() : [];
  return rows.map((r) => ({
    ...r,
    count: Number(r.count), amount: Number(r.amount), discount_amount: Number(r.discount_amount), gateway_fee: Number(r.gateway_fee),
    gateway_fee_known_count: Number(r.gateway_fee_known_count), service_fee: Number(r.service_fee),
    settlement_net: Number(r.settlement_net), settlement_known_count: Number(r.settlement_known_count),
  }));
}

/**
 * Paid sales and revenue per product and currency over the range, with the product's name: only the two
 * sums the top products need (whole months from the monthly rollups: a year and a half of a 1M-sale store
 * is ~6k rows, not the ~150k daily ones), the name looked up after the sums (one statement, not a
 * second round trip for the names).
 */
export async function readPaidByProduct(db: Kysely<Database>, { from, to }: DayRange): Promise<(RollupFigures & { name: string | null })[]> {
  const parts = unionOfParts(db, from, to, (qb) =>
    qb
      .select((eb) => ["currency", "dimension_value", eb.fn.sum<number>("count").as("count"), eb.fn.sum<number>("amount").as("amount")])
      .where("dimension", "=", "product")
      .where("status", "in", [...PAID_STATUSES])
      .where("count", ">", 0)
      .groupBy(["currency", "dimension_value"]),
  );
  if (!parts) return [];
  // The name per summed row (products × currencies, a few hundred at most): one primary-key lookup each,
  // never a scan of the catalogue to join.
  const rows = await db
    .selectFrom(parts.as("p"))
    .select((eb) => [
      "p.currency",
      "p.dimension_value",
      eb.fn.sum<number>("p.count").as("count"),
      eb.fn.sum<number>("p.amount").as("amount"),
      eb.selectFrom("products").select("products.name").whereRef("products.id", "=", "p.dimension_value").as("name"),
    ])
    .groupBy(["p.currency", "p.dimension_value"])
    .execute();
  return rows.map((r) => ({
    local_day: from, currency: r.currency, status: PAID_STATUSES[0], dimension_value: r.dimension_value, count: Number(r.count), amount: Number(r.amount),
    discount_amount: 0, gateway_fee: 0, gateway_fee_known_count: 0, service_fee: 0, settlement_net: 0, settlement_known_count: 0, name: r.name,
  }));
}

/** The first local day with a sale in the mirror (for "all time"), null when empty. */
export async function readEarliestDay(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom("sales_rollup_daily")
    .select("local_day")
    .where("dimension", "=", "all")
    .where("count", ">", 0)
    .orderBy("local_day")
    .limit(1)
    .executeTakeFirst();
  return row?.local_day ?? null;
}

/** Names of catalogue entries for a dimension's values (product, campaign). Channel, discount code,
 * country, payment method and gateway are shown as keyed (country names come from Intl in the browser). */
export async function readLabels(db: Kysely<Database>, dimension: BreakdownDimension, keys: string[]): Promise<Map<string, string | null>> {
  const labels = new Map<string, string | null>();
  if (keys.length === 0) return labels;
  if (dimension === "product") {
    for (const r of await db.selectFrom("products").select(["id", "name"]).where("id", "in", keys).execute()) labels.set(r.id, r.name);
  } else if (dimension === "campaign") {
    for (const r of await db.selectFrom("campaigns").select(["id", "name"]).where("id", "in", keys).execute()) labels.set(r.id, r.name);
  }
  return labels;
}
