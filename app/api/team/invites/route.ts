// POST /api/team/invites {email, role}: creates a single-use invite link (team:manage). The token is
// returned once, to the person who created it; only its hash is stored.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { emailField, roleField } from "@/lib/http/schemas";
import { createInvite } from "@/lib/team";

export const POST = route(
  { permission: "team:manage", schema: z.object({ email: emailField, role: roleField }) },
  async ({ actor, input, req }) => {
    const invite = await createInvite(await getDb(), actor, input);
    const url = new URL(`/invite/${encodeURIComponent(invite.token)}`, req.nextUrl.origin).toString();
    return Response.json({ invite: { ...invite, url } }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
);
