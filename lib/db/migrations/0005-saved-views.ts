// Migration 0005: saved views (issue 6) — a member names a table's filter set and reopens it later.
// Keyed by table ("sales", later settlements, recovery…) so every table built on components/data-table
// can keep its views here; the query string is what the URL holds, so a view is a bookmark with a name.
import "server-only";
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("saved_views")
    .addColumn("id", "text", (c) => c.primaryKey()) // random UUID
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("table_key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // One name per member and table: saving under an existing name replaces that view.
  await db.schema.createIndex("saved_views_user_table_name_idx").on("saved_views").columns(["user_id", "table_key", "name"]).unique().execute();
}
