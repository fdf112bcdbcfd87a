// GET /api/me/notifications: the signed-in member's notification preferences and whether e-mail can be
// sent at all (SMTP_URL); PUT: the whole preferences, strictly checked (issue 19). Every role, their own only.
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { preferencesInputSchema, readMemberNotifications, saveMemberNotifications } from "@/lib/notifications/preferences-service";

export const GET = route({}, async ({ member }) => readMemberNotifications(await getDb(), member.id));

export const PUT = route({ schema: preferencesInputSchema }, async ({ input, member }) => ({ preferences: await saveMemberNotifications(await getDb(), member.id, input) }));
