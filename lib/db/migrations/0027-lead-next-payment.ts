// Migration 0027 (issue 17, the Recovery page at a million sales): each lead's next payment — the same
// customer's (by customer id) earliest paid sale of the lead's product strictly after the lead, whatever
// the window — kept on the lead as `next_paid_at` / `next_paid_id` by upsertSales (lib/mirror/lead-next-
// payment.ts). The page's figures read it from the covering lead index instead of one seek per lead into
// the paid-sales index (~40 of ~100 ms at a million sales); the window test stays on read (the window is a
// setting). Leads known only by e-mail keep the read-time lookup (docs/recovery.md). The lead index of
// migration 0024 is rebuilt with the two columns. Several stores later: store_id first in the index, and the
// customer key of the backfill is (store_id, customer_id).
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Engine } from "../engine-sql";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema.alterTable("sales").addColumn("next_paid_at", "text").execute();
  await db.schema.alterTable("sales").addColumn("next_paid_id", "text").execute();
  await fillLeadNextPayments(db, engine);
  await sql`drop index sales_lead_range_idx`.execute(db);
  await sql`create index sales_lead_range_idx on sales (local_day, created_at, status, id, failed_at, abandoned_at, customer_id, customer_email, product_id,
    currency, amount, original_amount, channel, payment_method_name, payment_method_id, failure_code, failure_message, next_paid_at, next_paid_id)
    where status in ('failed', 'abandoned')`.execute(db);
}

/**
 * Every lead's next payment from scratch (the rule of lib/mirror/lead-next-payment.ts, restated, not
 * imported: a migration must not follow later app changes). Also for a store written without upsertSales
 * (bench/lists.ts builds its store with direct inserts). Instants compare as text (ISO UTC with
 * milliseconds); ties go to the smaller id in byte order.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function fillLeadNextPayments(db: Kysely<any>, engine: Engine): Promise<void> {
  const paidAt = sql`coalesce(p.completed_at, p.created_at)`;
  const leadAt = sql`coalesce(sales.failed_at, sales.abandoned_at, sales.created_at)`;
  const pid = engine === "postgres" ? sql`p.id collate "C"` : sql`p.id`;
  const same = sql`p.customer_id = sales.customer_id and p.product_id = sales.product_id and p.status in ('completed', 'settled')`;
  const leads = sql`sales.status in ('failed', 'abandoned') and sales.customer_id is not null and sales.product_id is not null and ${leadAt} is not null`;
  await sql`update sales set next_paid_at = null, next_paid_id = null where next_paid_at is not null or next_paid_id is not null`.execute(db);
  await sql`update sales set next_paid_at = (select min(${paidAt}) from sales p where ${same} and ${paidAt} > ${leadAt}) where ${leads}`.execute(db);
  await sql`update sales set next_paid_id = (select p.id from sales p where ${same} and ${paidAt} = sales.next_paid_at order by ${pid} limit 1)
    where ${leads} and sales.next_paid_at is not null`.execute(db);
}
