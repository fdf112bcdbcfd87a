// Migration 0021: the paid sales of a customer and a product by payment time (issue 17, the Recovery
// page at a million sales). Recovery is attributed on read (docs/recovery.md): a lead is recovered by the
// same customer's earliest payment for the same product after it. With this index the worklist finds
// every candidate of a range's leads in one join, one index seek per lead, instead of reading each lead
// customer's whole history; without it SQLite's planner (no statistics) even walked every paid sale
// through (status, id) (0018). The key is the attribution's own expression — when it was paid, else
// created (find-recoveries.ts) — so SQLite and PostgreSQL both match it by its text. Partial: only paid
// sales (what can recover a lead) have an entry; a failed or abandoned sale's insert writes nothing here.
// Several stores later: the store id would lead (store_id, customer_id, …).
import "server-only";
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index sales_paid_customer_product_idx on sales (customer_id, product_id, (coalesce(completed_at, created_at))) where status in ('completed', 'settled')`.execute(db);
}
