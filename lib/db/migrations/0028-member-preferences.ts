// Migration 0028: each member's own preferences (issue 18: low-data mode; the digest and alert choices of
// later issues belong here too). One row per member, created on first change; no row means "all
// defaults". Per member, not per store: when several stores share a dashboard a member keeps one way of
// reading them all.
import "server-only";
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("member_preferences")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    // 'on', 'off', or null: follow the browser's Save-Data hint (lib/pwa/low-data.ts).
    .addColumn("low_data", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
