// Migration 0024: the Recovery page's figures of a range (issue 17, lib/recovery/range-recoveries.ts) read
// every lead of the range — ~16,000 for the default 30 days at a million sales. Through (status,
// created_at) each lead cost a read of its whole sales row; this partial index carries what the figures
// look at, so the range is one index range, led by the lead's local day; leads only (failed and
// abandoned sales), so a paid sale's insert writes nothing here. recovery_leads gets the same: its worked
// state, assignee and first contact beside the sale id, read without the table row. Several stores later:
// store_id first in both.
import "server-only";
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index sales_lead_range_idx on sales (local_day, created_at, status, id, failed_at, abandoned_at, customer_id, customer_email, product_id,
    currency, amount, original_amount, channel, payment_method_name, payment_method_id, failure_code, failure_message) where status in ('failed', 'abandoned')`.execute(db);
  await sql`create index recovery_leads_worked_idx on recovery_leads (sale_id, state, assigned_to, contacted_at)`.execute(db);
}
