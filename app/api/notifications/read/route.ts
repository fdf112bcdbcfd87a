// POST /api/notifications/read {id} or {all: true}: marks one or all of the signed-in member's
// notifications read (issue 19); another member's id changes nothing. Answers the unread count left.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { markAllRead, markRead, unreadCount } from "@/lib/notifications/inbox";

const body = z.union([z.object({ id: z.string().min(1).max(100) }).strict(), z.object({ all: z.literal(true) }).strict()]);

export const POST = route({ schema: body }, async ({ input, member }) => {
  const db = await getDb();
  const marked = "all" in input ? await markAllRead(db, member.id) : Number(await markRead(db, member.id, input.id));
  return { marked, unread: await unreadCount(db, member.id) };
});
