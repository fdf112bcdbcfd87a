// Migration 0019: indexes for the first loads of the Orders, Licences and Payouts pages at a million sales
// (issue 17, bench/lists.ts). A list's index is shaped by its default order, so the first page is read
// from the index in order and stops after one page instead of sorting every match; the payouts' indexes
// answer their ranges from the index alone.
// Several stores later: a store_id column goes first in each (store_id, …) — the lists are per store.
import "server-only";
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  // Orders to ship (lib/orders/list-orders.ts): sales with a shipping address, by payment time then id.
  // Partial: only sales that carry an address pay for an entry, so a store selling files writes nothing
  // more per sale; status and the address ride along so the filters and the count never read the table
  // (the "to ship" page walks past every order already handled, the oldest first).
  await sql`create index sales_shipping_paid_at_idx on sales ((coalesce(completed_at, created_at)), id, status, shipping_address) where shipping_address is not null`.execute(db);
  // Licences (lib/licences/list-licences.ts): the default order, soonest expiry first and no expiry
  // last, the licence id breaking ties — the list's own sort expression, so both engines match it — and
  // the same under a status filter (the status chips).
  await sql`create index sale_licences_expiry_order_idx on sale_licences ((case when expires_at is null then 1 else 0 end), expires_at, licence_id)`.execute(db);
  await sql`create index sale_licences_status_expiry_order_idx on sale_licences (status, (case when expires_at is null then 1 else 0 end), expires_at, licence_id)`.execute(db);
  // The product filter's choices (licenceProducts): licences that name their product, grouped from the
  // index; the rare ones that do not (named later by their sale) found through a partial index.
  await sql`create index sale_licences_product_idx on sale_licences (product_id, product_name)`.execute(db);
  await sql`create index sale_licences_unnamed_idx on sale_licences (sale_id) where product_id is null or product_name is null`.execute(db);

  // Payouts (lib/settlements). The sales of a range of payout days, with every column the timeline groups
  // (list-settlements.ts settlementColumns) and the paid filter, read from the index alone: it replaces
  // the plain settlement_due index and stays partial (a payout is known only from details and Pulses, so
  // list inserts still never touch it).
  await sql`create index sales_payout_due_idx on sales (settlement_due_at, status, settlement_done_at, settlement_currency, currency, amount, settlement_net, gateway_fee, service_fee) where settlement_due_at is not null`.execute(db);
  await sql`drop index sales_settlement_due_idx`.execute(db);
  // The payout days still owed (payout-answer.ts): only the sales whose payout is known and not yet made
  // have an entry — a few days' worth, whatever the history — instead of walking every known payout. The
  // always-null settlement_done_at leads so the query's `settlement_done_at is null` is an index
  // constraint: without statistics (the app never runs ANALYZE) SQLite's planner would otherwise prefer
  // sales_payout_due_idx, which also covers the query but holds every payout ever made.
  await sql`create index sales_payout_owed_idx on sales (settlement_done_at, settlement_due_at, status) where settlement_done_at is null and settlement_due_at is not null`.execute(db);
  // The range's paid sales by payment day (list-settlements.ts): the payouts not known yet and the
  // enrichment count read from the index alone instead of scanning the table. Paid sales only; this one
  // costs each paid sale's first insert an entry (bench/mirror-ingest.ts measures it).
  await sql`create index sales_paid_day_idx on sales (paid_local_day, status, settlement_due_at, detail_at) where paid_local_day is not null`.execute(db);
}
