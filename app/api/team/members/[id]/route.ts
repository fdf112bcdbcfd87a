// PATCH /api/team/members/:id {role} changes a role; DELETE removes the member (team:manage). The
// service enforces "admins cannot touch owners" and "the last owner stays".
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { idParams, roleField } from "@/lib/http/schemas";
import { changeRole, removeMember } from "@/lib/team";

export const PATCH = route(
  { permission: "team:manage", params: idParams, schema: z.object({ role: roleField }) },
  async ({ actor, params, input }) => ({ member: await changeRole(await getDb(), actor, params.id, input.role) }),
);

export const DELETE = route({ permission: "team:manage", params: idParams }, async ({ actor, params }) => {
  await removeMember(await getDb(), actor, params.id);
  return new Response(null, { status: 204 });
});
