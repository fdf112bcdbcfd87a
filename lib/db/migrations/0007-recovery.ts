// Migration 0007: the recovery worklist's own facts (issue 7) — a lead's state (contacted / won / lost),
// note and assignee per failed or abandoned sale, and the editable WhatsApp / e-mail templates live in
// app_settings. Recovery itself is computed on read from `sales` (docs/recovery.md), so nothing here.
import "server-only";
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("recovery_leads")
    .addColumn("sale_id", "text", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull()) // open | contacted | won | lost
    .addColumn("note", "text")
    .addColumn("assigned_to", "text") // users.id; kept if the member is removed (the log still reads)
    .addColumn("contacted_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();
  await db.schema.createIndex("recovery_leads_assigned_idx").on("recovery_leads").columns(["assigned_to"]).execute();
}
