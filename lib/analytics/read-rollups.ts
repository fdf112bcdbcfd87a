// SQL over the daily rollups (docs/mirror.md "Rollups"): the rows analytics aggregate, read with
// count > 0 (a bucket emptied by status changes stays as a zero row). Same Kysely on both engines.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import type { RollupFigures } from "./aggregate";
import type { DayRange } from "./date-range";
import { PAID_STATUSES, type BreakdownDimension } from "./schemas";

const FIGURES = [
  "local_day", "currency", "status", "dimension_value", "count", "amount", "discount_amount", "gateway_fee",
  "gateway_fee_known_count", "service_fee", "settlement_net", "settlement_known_count",
] as const;

/** The "all" rows of every day in [from, to] (one per day × currency × status). */
export async function readDailyTotals(db: Kysely<Database>, { from, to }: DayRange): Promise<RollupFigures[]> {
  return db
    .selectFrom("sales_rollup_daily")
    .select(FIGURES)
    .where("dimension", "=", "all")
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .where("count", ">", 0)
    .execute();
}

/** One dimension's rows over the range, summed across days (per currency × status × value). */
export async function readDimension(db: Kysely<Database>, dimension: BreakdownDimension | "product", { from, to }: DayRange, onlyPaid = false): Promise<RollupFigures[]> {
  let q = db
    .selectFrom("sales_rollup_daily")
    .select((eb) => [
      sql<string>`${from}`.as("local_day"),
      "currency",
      "status",
      "dimension_value",
      eb.fn.sum<number>("count").as("count"),
      eb.fn.sum<number>("amount").as("amount"),
      eb.fn.sum<number>("discount_amount").as("discount_amount"),
      eb.fn.sum<number>("gateway_fee").as("gateway_fee"),
      eb.fn.sum<number>("gateway_fee_known_count").as("gateway_fee_known_count"),
      eb.fn.sum<number>("service_fee").as("service_fee"),
      eb.fn.sum<number>("settlement_net").as("settlement_net"),
      eb.fn.sum<number>("settlement_known_count").as("settlement_known_count"),
    ])
    .where("dimension", "=", dimension)
    .where("local_day", ">=", from)
    .where("local_day", "<=", to)
    .where("count", ">", 0);
  if (onlyPaid) q = q.where("status", "in", [...PAID_STATUSES]);
  const rows = await q.groupBy(["currency", "status", "dimension_value"]).execute();
  return rows.map((r) => ({
    ...r,
    count: Number(r.count), amount: Number(r.amount), discount_amount: Number(r.discount_amount), gateway_fee: Number(r.gateway_fee),
    gateway_fee_known_count: Number(r.gateway_fee_known_count), service_fee: Number(r.service_fee),
    settlement_net: Number(r.settlement_net), settlement_known_count: Number(r.settlement_known_count),
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
 * country and payment method are shown as keyed (country names come from Intl in the browser). */
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
