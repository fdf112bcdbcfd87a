// Migration 0016 (issue 17, every view fast at a million sales): a second resolution of the rollups, per
// local MONTH, and two dimensions for the Sales totals, `payment_status` and `amount` (minor units padded to
// 16 digits, so text order is number order). A year-long Overview or Revenue range summed ~150k daily
// product rows; whole months now come from `sales_rollup_monthly` (a few thousand rows) and only the
// partial months at the range's edges from the daily table (lib/analytics/rollup-periods.ts). The Sales
// totals of a payment-status or amount-range filter were a scan of the sales; the new dimensions answer them.
// Both tables are kept by the same delta in the same transaction as the sale write (lib/mirror/rollups.ts).
// Several stores later: a `store_id` column first in both primary keys (and in the delta's key).
import "server-only";
import { sql, type Kysely } from "kysely";
import { clusteredByPrimaryKey, moneyColumnType, type Engine } from "../engine-sql";

const SUMS = ["count", "original_amount", "amount", "discount_amount", "gateway_fee", "gateway_fee_known_count", "service_fee", "settlement_net", "settlement_known_count"];

// The same rules as lib/mirror/rollups.ts saleSums (as in migrations 0008 and 0013), restated because a
// migration must not follow later changes to app code.
const CURRENCY = sql`coalesce(currency, '')`;
// lpad is in both engines (SQLite ≥ 3.x has no lpad: printf/format pads instead).
const VALUES = (engine: Engine) => ({
  payment_status: sql`coalesce(payment_status, 'unknown')`,
  amount: engine === "sqlite" ? sql`coalesce(printf('%016d', amount), 'unknown')` : sql`coalesce(lpad(amount::text, 16, '0'), 'unknown')`,
});
const FEE_KNOWN = sql`gateway_fee is not null and coalesce(gateway_fee_currency, currency, '') = ${CURRENCY}`;
const SETTLEMENT_KNOWN = sql`settlement_net is not null and coalesce(settlement_currency, currency, '') = ${CURRENCY}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // Idempotent like 0013: a re-run replaces the dimensions' buckets with the same sums.
  for (const [dimension, value] of Object.entries(VALUES(engine))) {
    await db.deleteFrom("sales_rollup_daily").where("dimension", "=", dimension).execute();
    await sql`
      insert into sales_rollup_daily (
        dimension, local_day, currency, status, dimension_value, count, original_amount, amount, discount_amount,
        gateway_fee, gateway_fee_known_count, service_fee, settlement_net, settlement_known_count
      )
      select
        ${sql.lit(dimension)}, local_day, ${CURRENCY}, status, ${value}, count(*),
        coalesce(sum(original_amount), 0), coalesce(sum(amount), 0), coalesce(sum(discount_amount), 0),
        coalesce(sum(case when ${FEE_KNOWN} then gateway_fee else 0 end), 0),
        sum(case when ${FEE_KNOWN} then 1 else 0 end),
        coalesce(sum(case when ${SETTLEMENT_KNOWN} then coalesce(service_fee, 0) else 0 end), 0),
        coalesce(sum(case when ${SETTLEMENT_KNOWN} then settlement_net else 0 end), 0),
        sum(case when ${SETTLEMENT_KNOWN} then 1 else 0 end)
      from sales
      where local_day is not null
      group by local_day, ${CURRENCY}, status, ${value}
    `.execute(db);
  }

  let monthly = db.schema
    .createTable("sales_rollup_monthly")
    .ifNotExists()
    .addColumn("local_month", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("dimension_value", "text", (c) => c.notNull());
  for (const name of SUMS) monthly = monthly.addColumn(name, name.endsWith("count") ? "integer" : moneyColumnType(engine), (c) => c.notNull().defaultTo(0));
  await clusteredByPrimaryKey(monthly.addPrimaryKeyConstraint("sales_rollup_monthly_pk", ["dimension", "local_month", "currency", "status", "dimension_value"]), engine).execute();
  // A month is the sum of its days (every daily row, zero rows included: they add nothing).
  await db.deleteFrom("sales_rollup_monthly").execute();
  const sums = sql.join(SUMS.map((c) => sql`sum(${sql.ref(c)})`));
  await sql`
    insert into sales_rollup_monthly (dimension, local_month, currency, status, dimension_value, ${sql.join(SUMS.map((c) => sql.ref(c)))})
    select dimension, substr(local_day, 1, 7), currency, status, dimension_value, ${sums}
    from sales_rollup_daily
    group by dimension, substr(local_day, 1, 7), currency, status, dimension_value
  `.execute(db);
}
