// The signed-in member for pages and route handlers. The session token says who signed in; the
// database says who they are now: a removed member gets null, a demoted one gets their new role.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { can, type Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { findMemberById, type Member } from "@/lib/team";

export async function getSessionMember(): Promise<Member | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  // By id, not email: a removed-then-re-invited email gets a new id, so an old session stays dead.
  return findMemberById(await getDb(), id);
}

/** For pages: the member, or a redirect to the login page. */
export async function requireMember(): Promise<Member> {
  const member = await getSessionMember();
  if (!member) redirect("/login");
  return member;
}

/** For pages: the member when their role holds `permission`, else the 403 page. */
export async function requirePermission(permission: Permission): Promise<Member> {
  const member = await requireMember();
  if (!can(member.role, permission)) forbidden();
  return member;
}
