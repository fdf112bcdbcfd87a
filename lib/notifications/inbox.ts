// The in-app notification list (issue 19, docs/notifications.md "Settings and the in-app list"): each
// member reads only their own rows of `notifications` (written by the runner's in-app channel), unread
// first or newest first, marks one or all read; the shell's topbar shows the unread count. Every query
// takes the member's id from the session, never from the request, so no member can read another's.
import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@/lib/db/schema";

export const INBOX_ORDERS = ["unread", "newest"] as const;
export const inboxOrderSchema = z.enum(INBOX_ORDERS);
export type InboxOrder = z.infer<typeof inboxOrderSchema>;

export interface InboxEntry {
  id: string;
  kind: string;
  topic: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** One page of the member's list; `limit` one more than the page tells whether a next page exists. */
export async function listInbox(db: Kysely<Database>, memberId: string, opts: { order: InboxOrder; limit: number; offset: number }): Promise<InboxEntry[]> {
  let query = db.selectFrom("notifications").select(["id", "kind", "topic", "title", "body", "link", "created_at", "read_at"]).where("member_id", "=", memberId);
  // Unread first: a CASE both engines order the same way (NULLs sort differently in SQLite and PostgreSQL).
  if (opts.order === "unread") query = query.orderBy((eb) => eb.case().when("read_at", "is", null).then(0).else(1).end());
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(opts.limit).offset(opts.offset).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, topic: r.topic, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at }));
}

export async function unreadCount(db: Kysely<Database>, memberId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("member_id", "=", memberId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the member's notifications read (another member's id changes nothing); returns whether one was. */
export async function markRead(db: Kysely<Database>, memberId: string, id: string, now = new Date()): Promise<boolean> {
  const result = await db.updateTable("notifications").set({ read_at: now.toISOString() }).where("id", "=", id).where("member_id", "=", memberId).where("read_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks every unread notification of the member read; returns how many. */
export async function markAllRead(db: Kysely<Database>, memberId: string, now = new Date()): Promise<number> {
  const result = await db.updateTable("notifications").set({ read_at: now.toISOString() }).where("member_id", "=", memberId).where("read_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
