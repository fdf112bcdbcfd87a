// Migration 0023: the Payouts page without reading every paid sale of its range (issue 17,
// docs/settlements.md). One row per payout currency × due instant — a day's paid sales share one
// `settlement.due_at` (chariow-api.md §5), so a range is a few rows a day instead of a thousand index
// entries — with the sums the timeline groups (lib/settlements/list-settlements.ts payoutBuckets) and the
// latest payout instant. Kept by delta in upsertSales (lib/mirror/payout-rollup.ts). The key is an instant
// and a currency, not a local day, so a change of the store's timezone leaves it as it is.
// Several stores later: store_id goes first in the key.
import "server-only";
import { sql, type Kysely } from "kysely";
import { clusteredByPrimaryKey, moneyColumnType, type Engine } from "../engine-sql";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const money = moneyColumnType(engine);
  const table = db.schema
    .createTable("sales_payout_rollup")
    .addColumn("due_at", "text", (c) => c.notNull())
    // coalesce(settlement_currency, currency), '' when the sale names neither.
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("sales_count", "integer", (c) => c.notNull())
    .addColumn("settled_count", "integer", (c) => c.notNull())
    .addColumn("complete_count", "integer", (c) => c.notNull())
    .addColumn("gross", money, (c) => c.notNull())
    .addColumn("net", money, (c) => c.notNull())
    .addColumn("gateway_fee", money, (c) => c.notNull())
    .addColumn("gateway_fee_unknown", "integer", (c) => c.notNull())
    .addColumn("service_fee", money, (c) => c.notNull())
    .addColumn("service_fee_unknown", "integer", (c) => c.notNull())
    // The latest settlement_done_at of the bucket's sales (text order, as max() over the sales gives it).
    .addColumn("done_at", "text");
  await clusteredByPrimaryKey(table.addPrimaryKeyConstraint("sales_payout_rollup_pk", ["due_at", "currency"]), engine).execute();
  await fillPayoutRollup(db);
}

/**
 * Every paid sale with a known payout, summed per bucket (restated from lib/mirror/payout-rollup.ts: a
 * migration must not follow later changes to app code). Both engines run this text.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function fillPayoutRollup(db: Kysely<any>): Promise<void> {
  const complete = sql`(amount is not null and settlement_net is not null and coalesce(settlement_currency, currency) is not null)`;
  await sql`
    insert into sales_payout_rollup (due_at, currency, sales_count, settled_count, complete_count, gross, net, gateway_fee, gateway_fee_unknown, service_fee, service_fee_unknown, done_at)
    select settlement_due_at, coalesce(settlement_currency, currency, ''), count(*), count(settlement_done_at),
      count(case when ${complete} then 1 end),
      coalesce(sum(case when ${complete} then amount end), 0),
      coalesce(sum(case when ${complete} then settlement_net end), 0),
      coalesce(sum(case when ${complete} then gateway_fee end), 0),
      count(case when ${complete} and gateway_fee is null then 1 end),
      coalesce(sum(case when ${complete} then service_fee end), 0),
      count(case when ${complete} and service_fee is null then 1 end),
      max(settlement_done_at)
    from sales
    where status in ('completed', 'settled') and settlement_due_at is not null
    group by settlement_due_at, coalesce(settlement_currency, currency, '')
  `.execute(db);
}
