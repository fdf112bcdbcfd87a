// Migration 0011: refused Pulse deliveries remember where they came from, so forged traffic is logged
// at most a few rows per source and hour (the rest counted in one row) and cannot push the refusals of
// other senders out of the log (issue 14).
import "server-only";
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("pulse_rejections")
    .addColumn("source", "text") // the client address (an IPv6 /64), null when unknown
    .execute();
  // How many refusals the row stands for: 1, or more on a source's counter row for one hour.
  await db.schema.alterTable("pulse_rejections").addColumn("repeat_count", "integer", (c) => c.notNull().defaultTo(1)).execute();
  // Set on counter rows only ("<source>|<hour>"): unique (an index: SQLite cannot add a UNIQUE column),
  // so concurrent refusals add to one row.
  await db.schema.alterTable("pulse_rejections").addColumn("bucket_key", "text").execute();
  await db.schema.createIndex("pulse_rejections_bucket_key").on("pulse_rejections").column("bucket_key").unique().execute();
  await db.schema.createIndex("pulse_rejections_source_idx").on("pulse_rejections").columns(["source", "received_at"]).execute();
}
