// POST /api/notifications/read {id} or {all: true}: marks one or all of the signed-in member's
// notifications read (issue 19); another member's id changes nothing. Answers the unread count left.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { markAllRead, markRead, unreadCount } from "@/lib/notifications/inbox";

// One object rather than a union, so a refusal names a field (`id`) like every other route's.
const body = z
  .object({ id: z.string().min(1).max(100).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((v) => (v.id === undefined) !== (v.all === undefined), { message: "give either id or all: true", path: ["id"] });

export const POST = route({ schema: body }, async ({ input, member }) => {
  const db = await getDb();
  const marked = input.id === undefined ? await markAllRead(db, member.id) : Number(await markRead(db, member.id, input.id));
  return { marked, unread: await unreadCount(db, member.id) };
});
