// Saved views per member: a name for a table's filter set (its URL query), reopened from a menu. The
// query is re-parsed through the table's schema on save, so a stored view can only hold valid filters;
// one stored before a rule tightened still opens (the page clears what is no longer valid).
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { salesViewSchema } from "./schemas";
import { filtersOf, filtersToSearchParams } from "./view-query";

export type SavedView = { id: string; name: string; query: string; updatedAt: string };

/**
 * The URL query of a Sales view as stored: its filters, sort, direction and page size (not the page
 * number). A value the Sales API would refuse is refused here too, naming it (`query.min`).
 */
export function normaliseSalesQuery(query: string): string {
  const parsed = salesViewSchema.safeParse(Object.fromEntries(new URLSearchParams(query)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.map(String).join(".");
    throw new ValidationError(key ? `query.${key}: ${issue.message}` : "query: not a valid Sales view", key ? `query.${key}` : "query");
  }
  const view = parsed.data;
  const params = filtersToSearchParams(filtersOf(view));
  params.set("sort", view.sort);
  params.set("dir", view.dir);
  params.set("size", String(view.size));
  const hide = new URLSearchParams(query).get("hide");
  if (hide) params.set("hide", hide.slice(0, 500));
  return params.toString();
}

export async function listSavedViews(db: Kysely<Database>, userId: string, tableKey: string): Promise<SavedView[]> {
  const rows = await db
    .selectFrom("saved_views")
    .select(["id", "name", "query", "updated_at"])
    .where("user_id", "=", userId)
    .where("table_key", "=", tableKey)
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, updatedAt: r.updated_at }));
}

/** Saves under `name`; an existing view of that name (same member, same table) is replaced. */
export async function saveView(db: Kysely<Database>, input: { userId: string; tableKey: string; name: string; query: string }): Promise<SavedView> {
  const now = new Date().toISOString();
  const query = input.tableKey === "sales" ? normaliseSalesQuery(input.query) : input.query;
  const row = await db
    .insertInto("saved_views")
    .values({ id: randomUUID(), user_id: input.userId, table_key: input.tableKey, name: input.name, query, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(["user_id", "table_key", "name"]).doUpdateSet({ query, updated_at: now }))
    .returning(["id", "name", "query", "updated_at"])
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, query: row.query, updatedAt: row.updated_at };
}

/** Deletes one of the member's own views; another member's view is "not found" (never revealed). */
export async function deleteView(db: Kysely<Database>, userId: string, id: string): Promise<void> {
  const result = await db.deleteFrom("saved_views").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new NotFoundError("No such saved view");
}
