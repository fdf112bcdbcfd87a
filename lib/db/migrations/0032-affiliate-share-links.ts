// Migration 0032 (issue 21, docs/affiliate-links.md): a private page per affiliate, no account needed.
// - `affiliate_share_links`: one row per link. Only the SHA-256 of its token is stored (the token — 256
//   random bits — is shown once, at creation); optional expiry, revocation, the last visit and a count.
// - `affiliate_record_refresh`: when an affiliate's Chariow record was last asked for on behalf of a link,
//   per store and code — at most one request every 15 minutes per affiliate, whatever the instances.
// - two partial indexes on `sales` for one affiliate's sales;
// - `public_rate_limits`: fixed-window request counters of the public page, per token and per address,
//   shared by every instance (the database is what they share).
// Every table carries `store_id` ('store' today) so several stores can share a dashboard later.
import "server-only";
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("affiliate_share_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("store_id", "text", (c) => c.notNull().defaultTo("store"))
    .addColumn("affiliate_code", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "text")
    .addColumn("last_visit_at", "text")
    .addColumn("visit_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("affiliate_share_links_code_idx").on("affiliate_share_links").columns(["store_id", "affiliate_code", "created_at"]).execute();

  // One affiliate's sales, read by its page and polled by the page's live island: partial indexes, so only
  // affiliate sales (not every one of a million list inserts) pay for them.
  await db.schema.createIndex("sales_affiliate_code_idx").on("sales").columns(["store_affiliate_code", "paid_local_day"]).where(sql.ref("store_affiliate_code"), "is not", null).execute();
  await db.schema.createIndex("sales_affiliate_id_idx").on("sales").columns(["store_affiliate_id", "paid_local_day"]).where(sql.ref("store_affiliate_id"), "is not", null).execute();

  await db.schema
    .createTable("affiliate_record_refresh")
    .addColumn("store_id", "text", (c) => c.notNull().defaultTo("store"))
    .addColumn("affiliate_code", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("affiliate_record_refresh_pk", ["store_id", "affiliate_code"])
    .execute();

  await db.schema
    .createTable("public_rate_limits")
    .addColumn("bucket", "text", (c) => c.primaryKey())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .execute();
}
