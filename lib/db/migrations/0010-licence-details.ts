// Migration 0009: the licences view (issue 9) reads licences from GET /licenses too, whose items name
// their product and customer (chariow-api.md §7) even before the sale itself is in the mirror; keep
// them on the licence row so the view never depends on the backfill having reached that sale.
import "server-only";
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ["product_id", "product_name", "customer_id", "customer_name", "customer_email"]) {
    await db.schema.alterTable("sale_licences").addColumn(column, "text").execute();
  }
  await db.schema.createIndex("sale_licences_status_idx").on("sale_licences").columns(["status", "expires_at"]).execute();
}
