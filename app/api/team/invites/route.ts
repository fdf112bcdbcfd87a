// GET /api/team/invites: pending invites, without tokens (team:read). POST {email, role}: creates a
// single-use invite link (team:manage); the token is returned once, to its creator — only its hash is stored.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { emailField, roleField } from "@/lib/http/schemas";
import { createInvite, listPendingInvites } from "@/lib/team";

export const GET = route({ permission: "team:read" }, async () => ({ invites: await listPendingInvites(await getDb()) }));

export const POST = route(
  { permission: "team:manage", schema: z.object({ email: emailField, role: roleField }) },
  async ({ actor, input, req }) => {
    const invite = await createInvite(await getDb(), actor, input);
    const url = new URL(`/invite/${encodeURIComponent(invite.token)}`, req.nextUrl.origin).toString();
    return Response.json({ invite: { ...invite, url } }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
);
