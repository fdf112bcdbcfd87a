// Migration 0015: exact recovery links (issue 16). A lead's own payment link made with Chariow's
// POST /checkout — one per lead, claimed by inserting its row first so two clicks make one request — and the
// sales mirror keeping each sale's `custom_metadata` (the checkout's) with the lead it names
// (`custom_metadata.lead_id`), so the sale that pays such a link recovers its lead exactly. Rows already
// mirrored get the two new columns from their stored payload.
import "server-only";
import type { Kysely } from "kysely";
import { addAutoIdColumn, type Engine } from "../engine-sql";

// The key the dashboard writes in custom_metadata (restated here: a migration must not follow later
// changes to app code, lib/mirror/sale-row.ts RECOVERY_LEAD_METADATA_KEY).
const LEAD_KEY = "lead_id";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // An auto id as the key, the lead unique beside it: several stores come later, and their uniqueness
  // becomes (store_id, lead_id) by adding the column and swapping this one index, without a new key.
  await addAutoIdColumn(db.schema.createTable("recovery_checkout_links"), engine)
    .addColumn("lead_id", "text", (c) => c.notNull()) // the failed or abandoned sale's id
    .addColumn("status", "text", (c) => c.notNull()) // pending (request in flight) | created | unknown
    .addColumn("step", "text") // Chariow's answer once created: payment | completed | already_purchased
    .addColumn("sale_id", "text") // the sale Chariow made (or, already_purchased, the earlier purchase)
    .addColumn("url", "text") // the hosted payment page (step payment)
    .addColumn("discount_code", "text")
    .addColumn("failure", "text") // unknown: why the outcome is not known (timeout, network, server_error…)
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(1)) // requests sent for this lead, ever
    .addColumn("created_by", "text") // users.id; kept if the member is removed (the audit log still reads)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("recovery_checkout_links_lead_idx").on("recovery_checkout_links").column("lead_id").unique().execute();

  await db.schema.alterTable("sales").addColumn("custom_metadata", "text").execute(); // JSON object, null when none
  await db.schema.alterTable("sales").addColumn("recovery_lead_id", "text").execute(); // custom_metadata.lead_id
  // Partial: only the few sales made by a recovery link pay for an index entry (the bulk list inserts do not).
  await db.schema
    .createIndex("sales_recovery_lead_idx")
    .on("sales")
    .column("recovery_lead_id")
    .where("recovery_lead_id", "is not", null)
    .execute();

  await fillCheckoutMetadata(db);
}

/** Sales already mirrored: their stored payload (raw_json) may carry custom_metadata. Idempotent. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function fillCheckoutMetadata(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom("sales")
    .select(["id", "raw_json"])
    // raw_json is JSON.stringify'd: a non-empty metadata object reads `"custom_metadata":{` (an empty one, `[]`).
    .where("raw_json", "like", '%"custom_metadata":{%')
    .execute()) as Array<{ id: string; raw_json: string | null }>;
  for (const row of rows) {
    const metadata = metadataOf(row.raw_json);
    if (!metadata) continue;
    const lead = metadata[LEAD_KEY];
    await db
      .updateTable("sales")
      .set({ custom_metadata: JSON.stringify(metadata), recovery_lead_id: typeof lead === "string" && lead.length <= 100 ? lead : null })
      .where("id", "=", row.id)
      .execute();
  }
}

/** The custom_metadata object of a stored sale payload (a sale, or a Pulse body around one), if any. */
function metadataOf(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { custom_metadata?: unknown; sale?: { custom_metadata?: unknown } };
    const m = value?.custom_metadata ?? value?.sale?.custom_metadata;
    return m && typeof m === "object" && !Array.isArray(m) && Object.keys(m).length > 0 ? (m as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
