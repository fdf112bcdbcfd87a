// Migration 0004: the Pulse (webhook) delivery log and the metadata of refused deliveries (issue 4).
// Deduplication lives in two unique columns: the delivery id (Chariow's retries) and the applied
// (event, object) key (manual replays get a new delivery id, chariow-api.md §8).
import "server-only";
import type { Kysely } from "kysely";
import { addAutoIdColumn, type Engine } from "../engine-sql";

// Migrations must not depend on today's schema types, hence Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await addAutoIdColumn(db.schema.createTable("pulse_deliveries"), engine)
    .addColumn("delivery_id", "text") // x-pulse-delivery-id; null on test deliveries
    // = delivery_id for the first arrival only (null on duplicates and tests): UNIQUE, so two
    // concurrent retries of one delivery cannot both be accepted.
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("pulse_id", "text")
    .addColumn("event", "text")
    .addColumn("object_id", "text") // sale / affiliate / licence id, once parsed
    // Set only when the delivery was applied: a later delivery with the same key is a replay.
    .addColumn("applied_key", "text", (c) => c.unique())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("detail", "text") // why: duplicate reason, processing error, stale version…
    .addColumn("body", "text") // the raw body as received (verified bytes), for audit and re-processing
    .addColumn("processed_at", "text")
    .execute();
  await db.schema.createIndex("pulse_deliveries_received_idx").on("pulse_deliveries").columns(["received_at", "id"]).execute();
  await db.schema.createIndex("pulse_deliveries_status_idx").on("pulse_deliveries").columns(["status", "id"]).execute();

  // Refused deliveries (bad signature, too large…): metadata only, never the body, pruned on write.
  await addAutoIdColumn(db.schema.createTable("pulse_rejections"), engine)
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("pulse_id", "text")
    .addColumn("event", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("pulse_rejections_received_idx").on("pulse_rejections").columns(["received_at", "id"]).execute();
}
