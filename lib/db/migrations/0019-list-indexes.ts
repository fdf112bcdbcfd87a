// Migration 0019: indexes for the first page of the Orders and Licences lists at a million sales (issue 17,
// bench/lists.ts). Each one is shaped by its list's default order, so the first page is read from the
// index in order and stops after one page instead of sorting every match.
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
}
