// GET /api/notifications?order&limit&offset: the signed-in member's in-app notifications (unread first by
// default) and their unread count (issue 19). Every role, their own only.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { limitField } from "@/lib/http/schemas";
import { inboxOrderSchema, listInbox, unreadCount } from "@/lib/notifications/inbox";

const query = z.object({ order: inboxOrderSchema.default("unread"), limit: limitField, offset: z.coerce.number().int().min(0).max(10_000_000).default(0) });

export const GET = route({ schema: query }, async ({ input, member }) => {
  const db = await getDb();
  const [entries, unread] = await Promise.all([listInbox(db, member.id, input), unreadCount(db, member.id)]);
  return { entries, unread };
});
