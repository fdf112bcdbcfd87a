// POST /api/affiliates/invitations: paste → per-email invitation outcomes (affiliates:invite; support
// may not). GET: the invitations the dashboard sent, with derived status (affiliates:read).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getChariowClient } from "@/lib/store/chariow-connection";
import { invitationsFilterSchema, listInvitations } from "@/lib/affiliates/queries";
import { inviteBodySchema, inviteFromPaste } from "@/lib/affiliates/service";

export const POST = route({ permission: "affiliates:invite", schema: inviteBodySchema }, async ({ input, actor }) => {
  return inviteFromPaste(await getDb(), getChariowClient(), input.emails, actor);
});

export const GET = route({ permission: "affiliates:read", schema: invitationsFilterSchema }, async ({ input }) => {
  return { invitations: await listInvitations(await getDb(), input) };
});
