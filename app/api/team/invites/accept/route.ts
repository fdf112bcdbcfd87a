// POST /api/team/invites/accept {token, email, name, password} (public: the invitee has no account yet).
// The service checks the address the invite was sent to (400 `invite_email_mismatch` on `email`, the
// link left usable), claims the single-use token atomically and creates the member.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { emailField } from "@/lib/http/schemas";
import { acceptInvite } from "@/lib/team";

const acceptBody = z.object({
  token: z.string().min(1).max(200),
  email: emailField,
  name: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024), // strength rules live in the service (lib/auth/password)
});

export const POST = route({ auth: false, schema: acceptBody }, async ({ input, ip }) => {
  const member = await acceptInvite(await getDb(), input, { ip });
  return Response.json({ member: { id: member.id, email: member.email, role: member.role } }, { status: 201 });
});
