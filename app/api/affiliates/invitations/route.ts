// POST /api/affiliates/invitations: paste → per-email invitation outcomes (affiliates:invite; support
// may not). GET: the invitations the dashboard sent, with derived status (affiliates:read).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getChariowClient } from "@/lib/store/chariow-connection";
import { invitationsFilterSchema, listInvitations } from "@/lib/affiliates/queries";
import { inviteBodySchema, inviteFromPaste } from "@/lib/affiliates/service";

// A paste of up to 500 addresses, with names, may be 200,000 characters (inviteBodySchema): more than the
// 64 KB default, and up to 3 bytes a character once sent as UTF-8.
export const POST = route({ permission: "affiliates:invite", schema: inviteBodySchema, maxBodyBytes: 1024 * 1024 }, async ({ input, actor }) => {
  return inviteFromPaste(await getDb(), getChariowClient(), input.emails, actor);
});

export const GET = route({ permission: "affiliates:read", schema: invitationsFilterSchema }, async ({ input }) => {
  return { invitations: await listInvitations(await getDb(), input) };
});
