// DELETE /api/team/invites/:id: withdraws a pending invite (team:manage; admins cannot withdraw an
// invite to become owner), audited as team.invite_revoked. 204, or 404 when it is no longer pending.
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";
import { revokeInvite } from "@/lib/team";

export const DELETE = route({ permission: "team:manage", params: idParams }, async ({ actor, params }) => {
  await revokeInvite(await getDb(), actor, params.id);
  return new Response(null, { status: 204 });
});
