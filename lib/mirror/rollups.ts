// The daily rollups charts read instead of scanning sales: what one sale row contributes, and applying
// a batch's net change (old contribution out, new one in) with one multi-row upsert.
import "server-only";
import type { Kysely } from "kysely";
import type { Database, SalesRollupRow } from "@/lib/db";
import { paymentMethodKey } from "./payment-method";
import type { SaleData } from "./sale-row";

export const ROLLUP_DIMENSIONS = ["all", "product", "channel", "discount", "campaign", "country", "payment_method", "payment_gateway"] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];
/** The value bucketed under when the sale does not (yet) say: e.g. channel before enrichment. */
export const UNKNOWN_VALUE = "unknown";

type RollupData = Pick<
  SaleData,
  | "local_day" | "currency" | "status" | "product_id" | "channel" | "discount_code" | "discount_id" | "campaign_id"
  | "shipping_country" | "context_country" | "payment_method_id" | "payment_method_name" | "payment_gateway"
  | "original_amount" | "amount" | "discount_amount" | "gateway_fee" | "gateway_fee_currency"
  | "service_fee" | "settlement_net" | "settlement_currency"
>;

export const SUM_COLUMNS = [
  "count", "original_amount", "amount", "discount_amount", "gateway_fee", "gateway_fee_known_count",
  "service_fee", "settlement_net", "settlement_known_count",
] as const;
export type RollupSums = Record<(typeof SUM_COLUMNS)[number], number>;
type RollupKey = Pick<SalesRollupRow, "local_day" | "currency" | "status" | "dimension" | "dimension_value">;

/** The value of each dimension for a sale. Country: shipping first (list summaries have it), else context. */
export function dimensionValues(d: RollupData): Record<RollupDimension, string> {
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

/** Net changes per rollup key, accumulated in memory over a batch. */
export class RollupDelta {
  private readonly byKey = new Map<string, { key: RollupKey; sums: RollupSums }>();

  /** Adds (sign 1) or removes (sign -1) a sale's contribution; sales without a local day have none. */
  add(d: RollupData, sign: 1 | -1): void {
    if (d.local_day === null) return;
    const sums = saleSums(d);
    const values = dimensionValues(d);
    const currency = d.currency ?? "";
    for (const dimension of ROLLUP_DIMENSIONS) {
      const value = values[dimension];
      const id = `${d.local_day}\u0000${currency}\u0000${d.status}\u0000${dimension}\u0000${value}`;
      let entry = this.byKey.get(id);
      if (!entry) {
        entry = { key: { local_day: d.local_day, currency, status: d.status, dimension, dimension_value: value }, sums: zeroSums() };
        this.byKey.set(id, entry);
      }
      for (const c of SUM_COLUMNS) entry.sums[c] += sign * sums[c];
    }
  }

  /** The rows to add to the stored rollups, skipping keys whose changes cancelled out. */
  rows(): Array<RollupKey & RollupSums> {
    const out: Array<RollupKey & RollupSums> = [];
    for (const { key, sums } of this.byKey.values()) {
      if (sums.count === 0 && SUM_COLUMNS.every((c) => sums[c] === 0)) continue;
      out.push(Object.assign(sums, key));
    }
    return out;
  }
}

function zeroSums(): RollupSums {
  return { count: 0, original_amount: 0, amount: 0, discount_amount: 0, gateway_fee: 0, gateway_fee_known_count: 0, service_fee: 0, settlement_net: 0, settlement_known_count: 0 };
}

// 14 parameters a row: 1,000 rows stay under SQLite's 32,766 bound parameters per statement.
const ROLLUP_CHUNK = 1000;

/**
 * Adds the deltas to the stored rollups (insert, or add on conflict). Buckets that drop to zero sales
 * stay as zero rows: readers filter `count > 0`, and no scan is needed to find them.
 */
export async function applyRollupDelta(trx: Kysely<Database>, delta: RollupDelta): Promise<void> {
  const rows = delta.rows();
  for (let i = 0; i < rows.length; i += ROLLUP_CHUNK) {
    await trx
      .insertInto("sales_rollup_daily")
      .values(rows.slice(i, i + ROLLUP_CHUNK))
      .onConflict((oc) =>
        oc.columns(["dimension", "local_day", "currency", "status", "dimension_value"]).doUpdateSet((eb) => ({
          count: eb("sales_rollup_daily.count", "+", eb.ref("excluded.count")),
          original_amount: eb("sales_rollup_daily.original_amount", "+", eb.ref("excluded.original_amount")),
          amount: eb("sales_rollup_daily.amount", "+", eb.ref("excluded.amount")),
          discount_amount: eb("sales_rollup_daily.discount_amount", "+", eb.ref("excluded.discount_amount")),
          gateway_fee: eb("sales_rollup_daily.gateway_fee", "+", eb.ref("excluded.gateway_fee")),
          gateway_fee_known_count: eb("sales_rollup_daily.gateway_fee_known_count", "+", eb.ref("excluded.gateway_fee_known_count")),
          service_fee: eb("sales_rollup_daily.service_fee", "+", eb.ref("excluded.service_fee")),
          settlement_net: eb("sales_rollup_daily.settlement_net", "+", eb.ref("excluded.settlement_net")),
          settlement_known_count: eb("sales_rollup_daily.settlement_known_count", "+", eb.ref("excluded.settlement_known_count")),
        })),
      )
      .execute();
  }
}
