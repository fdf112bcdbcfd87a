// Migration 0014: why a payout date moved (issue 16). Chariow may change a paid sale's `settlement.due_at`
// (a payout rescheduled); the mirror keeps only the latest value in `sales`, so each change to a different
// known value is appended here by the one write path (lib/mirror/upsert-sales.ts). The Payouts page reads
// it to say "moved from <day> to <day>". Append-only: never updated, never pruned (a handful of rows per
// rescheduled payout).
import "server-only";
import type { Kysely } from "kysely";
import { addAutoIdColumn, type Engine } from "../engine-sql";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await addAutoIdColumn(db.schema.createTable("sale_settlement_due_history"), engine)
    .addColumn("sale_id", "text", (c) => c.notNull())
    .addColumn("previous_due_at", "text", (c) => c.notNull())
    .addColumn("new_due_at", "text", (c) => c.notNull())
    // When the mirror learnt of the change (the read that brought it), not when Chariow made it: Chariow
    // does not say.
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  // Read by sale (the sales of a payout day); several stores later: a store_id column goes first in this
  // index (store_id, sale_id, id) — sale ids are Chariow's, unique per store only.
  await db.schema.createIndex("sale_settlement_due_history_sale_idx").on("sale_settlement_due_history").columns(["sale_id", "id"]).execute();
}
