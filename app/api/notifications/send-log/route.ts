// GET /api/notifications/send-log?limit&offset: every message sent or tried — who, what, channel, result,
// when — newest first (settings:read: owners and admins; issue 19).
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { limitField } from "@/lib/http/schemas";
import { sendLogPage } from "@/lib/notifications/send-log";

const query = z.object({ limit: limitField, offset: z.coerce.number().int().min(0).max(10_000_000).default(0) });

export const GET = route({ permission: "settings:read", schema: query }, async ({ input }) => ({ entries: await sendLogPage(await getDb(), input) }));
