// Migration 0008: the rollups gain a `payment_gateway` dimension (issue 5, Revenue "payment
// method/gateway"). The sales rows already hold the gateway (payment.gateway, from a sale's detail or a
// Pulse; list summaries lack it, chariow-api.md §5), so this only fills the new dimension's buckets from
// them. From now on every write keeps it by delta (lib/mirror/rollups.ts); without this backfill a later
// write would subtract a sale's old contribution from a bucket that was never filled.
import "server-only";
import { sql, type Kysely } from "kysely";

// The same rules as lib/mirror/rollups.ts saleSums, restated in SQL because a migration must not follow
// later changes to app code: fees and settlement count only when known and in the sale's own currency.
const CURRENCY = sql`coalesce(currency, '')`;
const VALUE = sql`coalesce(payment_gateway, 'unknown')`;
const FEE_KNOWN = sql`gateway_fee is not null and coalesce(gateway_fee_currency, currency, '') = ${CURRENCY}`;
const SETTLEMENT_KNOWN = sql`settlement_net is not null and coalesce(settlement_currency, currency, '') = ${CURRENCY}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into sales_rollup_daily (
      dimension, local_day, currency, status, dimension_value, count, original_amount, amount, discount_amount,
      gateway_fee, gateway_fee_known_count, service_fee, settlement_net, settlement_known_count
    )
    select
      'payment_gateway', local_day, ${CURRENCY}, status, ${VALUE}, count(*),
      coalesce(sum(original_amount), 0), coalesce(sum(amount), 0), coalesce(sum(discount_amount), 0),
      coalesce(sum(case when ${FEE_KNOWN} then gateway_fee else 0 end), 0),
      sum(case when ${FEE_KNOWN} then 1 else 0 end),
      coalesce(sum(case when ${SETTLEMENT_KNOWN} then coalesce(service_fee, 0) else 0 end), 0),
      coalesce(sum(case when ${SETTLEMENT_KNOWN} then settlement_net else 0 end), 0),
      sum(case when ${SETTLEMENT_KNOWN} then 1 else 0 end)
    from sales
    where local_day is not null
    group by local_day, ${CURRENCY}, status, ${VALUE}
  `.execute(db);
}
