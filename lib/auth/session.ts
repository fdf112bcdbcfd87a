// The signed-in member for pages and route handlers. The session token says who signed in; the
// database says who they are now: a removed member or a revoked or expired session gets null, a
// demoted member gets their new role (lib/auth/session-token.ts does the checks, one read per request).
import "server-only";
import { getToken } from "next-auth/jwt";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { can, type Permission } from "@/lib/auth/permissions";
import { liveSession, memberOfToken } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Member } from "@/lib/team";

/**
 * The member of the current request. API handlers pass their request (the route wrapper does), so the
 * session is read from that request's own cookie; pages call it bare and next-auth reads the
 * request's headers. Both run liveSession.
 */
export async function getSessionMember(request?: Request): Promise<Member | null> {
  if (!request) {
    // auth() runs the jwt callback (liveSession) and the session callback, which copies the member.
    const session = await auth();
    const user = session?.user as Record<string, unknown> | undefined;
    return user ? memberOfToken({ ...user, uid: user.id }) : null;
  }
  const env = getEnv();
  // The cookie only: getToken would also take an `Authorization: Bearer` header, a second way in we do not offer.
  const cookieOnly = { headers: { cookie: request.headers.get("cookie") ?? "" } };
  const token = await getToken({ req: cookieOnly, secret: env.AUTH_SECRET, secureCookie: env.APP_URL.startsWith("https://") });
  if (!token) return null;
  return (await liveSession(await getDb(), token))?.member ?? null;
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
