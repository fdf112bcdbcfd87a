// The rollups charts read instead of scanning sales, per local day and per local month (migration 0016):
// what one sale row contributes, and applying a batch's net change (old contribution out, new one in) with
// one multi-row upsert per table. A month's row is always the sum of its days' rows.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database, SalesRollupRow } from "@/lib/db";
import { paymentHealthValue, paymentTimingValue, type HealthFacts } from "@/lib/payments/keys";
import { paymentMethodKey } from "./payment-method";
import type { SaleData } from "./sale-row";

export const ROLLUP_DIMENSIONS = [
  "all", "product", "channel", "discount", "campaign", "country", "payment_method", "payment_gateway", "payment_status", "amount",
  // The Payments view (issue 20, migration 0030): method × country × failure code, and checkout → payment time.
  "payment_health", "payment_timing",
] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];
/** The value bucketed under when the sale does not (yet) say: e.g. channel before enrichment. */
export const UNKNOWN_VALUE = "unknown";

type RollupData = Pick<
  SaleData,
  | "local_day" | "currency" | "status" | "product_id" | "channel" | "discount_code" | "discount_id" | "campaign_id"
  | "shipping_country" | "context_country" | "payment_method_id" | "payment_method_name" | "payment_gateway"
  | "payment_status" | "original_amount" | "amount" | "discount_amount" | "gateway_fee" | "gateway_fee_currency"
  | "service_fee" | "settlement_net" | "settlement_currency" | "failure_code" | "created_at" | "completed_at"
>;

export const SUM_COLUMNS = [
  "count", "original_amount", "amount", "discount_amount", "gateway_fee", "gateway_fee_known_count",
  "service_fee", "settlement_net", "settlement_known_count",
] as const;
export type RollupSums = Record<(typeof SUM_COLUMNS)[number], number>;
type RollupKey = Pick<SalesRollupRow, "local_day" | "currency" | "status" | "dimension" | "dimension_value">;
type MonthlyKey = Omit<RollupKey, "local_day"> & { local_month: string };

/** An amount in minor units as the `amount` dimension's value: 16 digits (Number.MAX_SAFE_INTEGER has 16). */
export function amountKey(minor: number): string {
  return String(Math.max(0, Math.trunc(minor))).padStart(16, "0");
}

/**
 * The value of each dimension for a sale; null: the sale has no row in that dimension (payment_timing of a
 * sale not paid). Country: shipping first (list summaries have it), else context.
 */
export function dimensionValues(d: RollupData): Record<RollupDimension, string | null> {
  const health: HealthFacts = {
    status: d.status,
    methodKey: paymentMethodKey(d),
    country: d.shipping_country ?? d.context_country,
    failureCode: d.failure_code,
    createdAt: d.created_at,
    completedAt: d.completed_at,
  };
  return {
    all: "",
    product: d.product_id ?? UNKNOWN_VALUE,
    channel: d.channel ?? UNKNOWN_VALUE,
    discount: d.discount_code ?? d.discount_id ?? UNKNOWN_VALUE,
    campaign: d.campaign_id ?? UNKNOWN_VALUE,
    country: d.shipping_country ?? d.context_country ?? UNKNOWN_VALUE,
    payment_method: paymentMethodKey(d) ?? UNKNOWN_VALUE,
    // Detail and Pulse only (chariow-api.md §5, §8): a list summary leaves it unknown.
    payment_gateway: d.payment_gateway ?? UNKNOWN_VALUE,
    // The Sales totals of a payment-status filter (migration 0016); not a Revenue breakdown.
    payment_status: d.payment_status ?? UNKNOWN_VALUE,
    // The Sales totals of an amount range (migration 0016): the minor units, zero-padded so text order is
    // number order.
    amount: d.amount === null ? UNKNOWN_VALUE : amountKey(d.amount),
    payment_health: paymentHealthValue(health),
    payment_timing: paymentTimingValue(health),
  };
}

/**
 * One sale's sums. Fees and settlement count only when known and in the sale's currency (never add
 * two currencies); their *_known_count says how many sales the sum covers.
 */
export function saleSums(d: RollupData): RollupSums {
  const currency = d.currency ?? "";
  const feeKnown = d.gateway_fee !== null && (d.gateway_fee_currency ?? currency) === currency;
  const settlementKnown = d.settlement_net !== null && (d.settlement_currency ?? currency) === currency;
  return {
    count: 1,
    original_amount: d.original_amount ?? 0,
    amount: d.amount ?? 0,
    discount_amount: d.discount_amount ?? 0,
    gateway_fee: feeKnown ? (d.gateway_fee ?? 0) : 0,
    gateway_fee_known_count: feeKnown ? 1 : 0,
    service_fee: settlementKnown ? (d.service_fee ?? 0) : 0,
    settlement_net: settlementKnown ? (d.settlement_net ?? 0) : 0,
    settlement_known_count: settlementKnown ? 1 : 0,
  };
}

/**
 * The status a dimension's row is kept under. The Payments view's two dimensions (migration 0030) fold the
 * paid statuses into `completed`: they only ask "paid or not", and a sale moving from completed to settled
 * then changes none of their rows (and their rows are half as many: bench/README.md "Payments view").
 */
const FOLDS_PAID: ReadonlySet<RollupDimension> = new Set(["payment_health", "payment_timing"]);
export function rollupStatus(dimension: RollupDimension, status: string): string {
  return FOLDS_PAID.has(dimension) && status === "settled" ? "completed" : status;
}

/** Net changes per rollup key, per day and per month, accumulated in memory over a batch. */
export class RollupDelta {
  private readonly byDay = new Map<string, { key: RollupKey; sums: RollupSums }>();
  private readonly byMonth = new Map<string, { key: MonthlyKey; sums: RollupSums }>();

  /** Adds (sign 1) or removes (sign -1) a sale's contribution; sales without a local day have none. */
  add(d: RollupData, sign: 1 | -1): void {
    if (d.local_day === null) return;
    const sums = saleSums(d);
    const values = dimensionValues(d);
    const currency = d.currency ?? "";
    const month = d.local_day.slice(0, 7);
    for (const dimension of ROLLUP_DIMENSIONS) {
      const value = values[dimension];
      if (value === null) continue;
      const status = rollupStatus(dimension, d.status);
      const id = `${currency}\u0000${status}\u0000${dimension}\u0000${value}`;
      const day = entry(this.byDay, `${d.local_day}\u0000${id}`, () => ({ local_day: d.local_day!, currency, status, dimension, dimension_value: value }));
      const monthly = entry(this.byMonth, `${month}\u0000${id}`, () => ({ local_month: month, currency, status, dimension, dimension_value: value }));
      for (const c of SUM_COLUMNS) {
        day[c] += sign * sums[c];
        monthly[c] += sign * sums[c];
      }
    }
  }

  /** The rows to add to the stored daily rollups, skipping keys whose changes cancelled out. */
  rows(): Array<RollupKey & RollupSums> {
    return nonZero(this.byDay);
  }

  /** The same per month. */
  monthlyRows(): Array<MonthlyKey & RollupSums> {
    return nonZero(this.byMonth);
  }
}

function entry<K>(map: Map<string, { key: K; sums: RollupSums }>, id: string, key: () => K): RollupSums {
  let found = map.get(id);
  if (!found) {
    found = { key: key(), sums: zeroSums() };
    map.set(id, found);
  }
  return found.sums;
}

function nonZero<K>(map: Map<string, { key: K; sums: RollupSums }>): Array<K & RollupSums> {
  const out: Array<K & RollupSums> = [];
  for (const { key, sums } of map.values()) {
    if (SUM_COLUMNS.every((c) => sums[c] === 0)) continue;
    out.push(Object.assign(sums, key));
  }
  return out;
}

function zeroSums(): RollupSums {
  return { count: 0, original_amount: 0, amount: 0, discount_amount: 0, gateway_fee: 0, gateway_fee_known_count: 0, service_fee: 0, settlement_net: 0, settlement_known_count: 0 };
}

// 14 parameters a row: 1,000 rows stay under SQLite's 32,766 bound parameters per statement.
const ROLLUP_CHUNK = 1000;

/**
 * Adds the deltas to the stored rollups, daily and monthly (insert, or add on conflict). Buckets that drop
 * to zero sales stay as zero rows: readers filter `count > 0`, and no scan is needed to find them.
 */
export async function applyRollupDelta(trx: Kysely<Database>, delta: RollupDelta): Promise<void> {
  // stored + incoming, for every sum column (the same SQL on both engines).
  const add = (table: string) => Object.fromEntries(SUM_COLUMNS.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`]));
  const daily = delta.rows();
  for (let i = 0; i < daily.length; i += ROLLUP_CHUNK) {
    await trx
      .insertInto("sales_rollup_daily")
      .values(daily.slice(i, i + ROLLUP_CHUNK))
      .onConflict((oc) => oc.columns(["dimension", "local_day", "currency", "status", "dimension_value"]).doUpdateSet(add("sales_rollup_daily")))
      .execute();
  }
  const monthly = delta.monthlyRows();
  for (let i = 0; i < monthly.length; i += ROLLUP_CHUNK) {
    await trx
      .insertInto("sales_rollup_monthly")
      .values(monthly.slice(i, i + ROLLUP_CHUNK))
      .onConflict((oc) => oc.columns(["dimension", "local_month", "currency", "status", "dimension_value"]).doUpdateSet(add("sales_rollup_monthly")))
      .execute();
  }
}
