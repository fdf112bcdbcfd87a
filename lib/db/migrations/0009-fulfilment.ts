// Migration 0009: the merchant's own fulfilment state of a paid sale with a shipping address (issue 9,
// "Orders to ship"): shipped (carrier, tracking reference) or not shippable (reason). It never goes to
// Chariow; a sale without a row is still to ship, so the mirror needs no change.
import "server-only";
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("fulfilments")
    .addColumn("sale_id", "text", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull()) // shipped | not_shippable (no row: to ship)
    .addColumn("carrier", "text")
    .addColumn("tracking_reference", "text")
    .addColumn("reason", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text") // users.id; kept if the member is removed (the audit log still reads)
    .execute();
  await db.schema.createIndex("fulfilments_state_idx").on("fulfilments").columns(["state"]).execute();
}
