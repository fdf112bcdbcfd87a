// Migration 0006: indexes for the Sales table's default order and its money sort (issue 6,
// bench/README.md "Sales table"). ORDER BY created_at, id (ties broken by reference so pages never
// overlap) needs both columns in the index to stop after one page instead of sorting every match, so the
// created_at index gains the id (replaced, not doubled: each insert still writes one tree for it). Amount
// sorts and ranges are per currency (amounts of two currencies do not compare), hence (currency, amount).
import "server-only";
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("sales_created_id_idx").on("sales").columns(["created_at", "id"]).execute();
  await db.schema.dropIndex("sales_created_idx").execute();
  await db.schema.createIndex("sales_currency_amount_idx").on("sales").columns(["currency", "amount"]).execute();
}
