// POST /api/team/invites/accept {token, name, password} (public: the invitee has no account yet).
// The service claims the single-use token atomically and creates the member.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { acceptInvite } from "@/lib/team";

const acceptBody = z.object({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024), // strength rules live in the service (lib/auth/password)
});

export const POST = route({ auth: false, schema: acceptBody }, async ({ input }) => {
  const member = await acceptInvite(await getDb(), input);
  return Response.json({ member: { id: member.id, email: member.email, role: member.role } }, { status: 201 });
});
