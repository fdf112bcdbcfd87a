// Migration 0030 (issue 20, the Payments view): two more rollup dimensions, daily and monthly.
//   payment_health: method ␟ country ␟ failure code, every sale — success rates, attempts, value lost and the
//                   failure codes per method × country;
//   payment_timing: method ␟ country ␟ pay-time bucket, paid sales with both instants — the median time
//                   from checkout to payment.
// From now on every write keeps them by delta (lib/mirror/rollups.ts, lib/payments/keys.ts); this fills
// them for the sales already stored. The rules are restated in SQL because a migration must not follow
// later changes to app code (as 0008, 0013 and 0016 do). Paid sales are kept under `completed` (settled
// folded in: these dimensions only ask whether a sale was paid). Idempotent: a re-run replaces the two dimensions.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Engine } from "../engine-sql";

const SUMS = ["count", "original_amount", "amount", "discount_amount", "gateway_fee", "gateway_fee_known_count", "service_fee", "settlement_net", "settlement_known_count"];
const SEP = "\u001f";
const CURRENCY = sql`coalesce(currency, '')`;
// Both dimensions keep paid sales under `completed` (lib/mirror/rollups.ts rollupStatus): they ask only "paid?".
const STATUS = sql`case when status = 'settled' then 'completed' else status end`;
const METHOD = sql`coalesce(payment_method_id, payment_method_name, 'unknown')`;
const COUNTRY = sql`coalesce(shipping_country, context_country, 'unknown')`;
const FEE_KNOWN = sql`gateway_fee is not null and coalesce(gateway_fee_currency, currency, '') = ${CURRENCY}`;
const SETTLEMENT_KNOWN = sql`settlement_net is not null and coalesce(settlement_currency, currency, '') = ${CURRENCY}`;

/** Whole seconds from checkout to payment, each instant truncated to its second (lib/payments/keys.ts paySeconds). */
const seconds = (engine: Engine) =>
  engine === "sqlite"
    ? sql`(unixepoch(completed_at) - unixepoch(created_at))`
    : sql`(floor(extract(epoch from completed_at::timestamptz))::bigint - floor(extract(epoch from created_at::timestamptz))::bigint)`;

/** payBucket: 10 s below 2 min, 30 s below 10 min, 1 min below 1 h, 15 min below a day, then one bucket. */
function bucket(s: ReturnType<typeof sql>) {
  return sql`case when ${s} < 120 then (${s} / 10) * 10 when ${s} < 600 then (${s} / 30) * 30 when ${s} < 3600 then (${s} / 60) * 60 when ${s} < 86400 then (${s} / 900) * 900 else 86400 end`;
}

const join = (...parts: ReturnType<typeof sql>[]) => sql.join(parts, sql` || ${sql.lit(SEP)} || `);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const s = seconds(engine);
  const dimensions = [
    {
      name: "payment_health",
      value: join(METHOD, COUNTRY, sql`case when status = 'failed' then coalesce(failure_code, 'unknown') else '' end`),
      where: sql`true`,
    },
    {
      name: "payment_timing",
      value: join(METHOD, COUNTRY, sql`cast(${bucket(s)} as text)`),
      where: sql`status in ('completed', 'settled') and created_at is not null and completed_at is not null and ${s} >= 0`,
    },
  ];
  for (const { name, value, where } of dimensions) {
    await db.deleteFrom("sales_rollup_daily").where("dimension", "=", name).execute();
    await db.deleteFrom("sales_rollup_monthly").where("dimension", "=", name).execute();
    await sql`
      insert into sales_rollup_daily (
        dimension, local_day, currency, status, dimension_value, count, original_amount, amount, discount_amount,
        gateway_fee, gateway_fee_known_count, service_fee, settlement_net, settlement_known_count
      )
      select
        ${sql.lit(name)}, local_day, ${CURRENCY}, ${STATUS}, ${value}, count(*),
        coalesce(sum(original_amount), 0), coalesce(sum(amount), 0), coalesce(sum(discount_amount), 0),
        coalesce(sum(case when ${FEE_KNOWN} then gateway_fee else 0 end), 0),
        sum(case when ${FEE_KNOWN} then 1 else 0 end),
        coalesce(sum(case when ${SETTLEMENT_KNOWN} then coalesce(service_fee, 0) else 0 end), 0),
        coalesce(sum(case when ${SETTLEMENT_KNOWN} then settlement_net else 0 end), 0),
        sum(case when ${SETTLEMENT_KNOWN} then 1 else 0 end)
      from sales
      where local_day is not null and ${where}
      group by local_day, ${CURRENCY}, ${STATUS}, ${value}
    `.execute(db);
    const sums = sql.join(SUMS.map((c) => sql`sum(${sql.ref(c)})`));
    await sql`
      insert into sales_rollup_monthly (dimension, local_month, currency, status, dimension_value, ${sql.join(SUMS.map((c) => sql.ref(c)))})
      select dimension, substr(local_day, 1, 7), currency, status, dimension_value, ${sums}
      from sales_rollup_daily
      where dimension = ${sql.lit(name)}
      group by dimension, substr(local_day, 1, 7), currency, status, dimension_value
    `.execute(db);
  }
}
