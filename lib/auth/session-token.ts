// What a session token must satisfy on every request, in one place for next-auth's callbacks (pages,
// /api/auth/session) and the API route wrapper: signed in less than SESSION_LIFETIME_SECONDS ago (an
// absolute limit that activity never extends), not signed out (its random id is not in
// revoked_sessions), by a member who still exists. Role, email and name come from the database, never
// from the token.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { JWT } from "next-auth/jwt";
import { isRole } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/schema";
import { findSessionMember, revokeSession, type Member } from "@/lib/team";

/** A session ends 12 hours after sign-in, however active it was (docs/security.md). */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;

/** Our claims in next-auth's JWT, besides its own (iat, exp, jti — which next-auth renews on refresh). */
type SessionClaims = { uid: string; sid: string; signedInAt: number };

function claimsOf(token: JWT | null | undefined): SessionClaims | null {
  const { uid, sid, signedInAt } = token ?? {};
  // A token without them predates this scheme (or was not minted by us): refused, sign in again.
  if (typeof uid !== "string" || typeof sid !== "string" || typeof signedInAt !== "number") return null;
  return { uid, sid, signedInAt };
}

function endOf(claims: SessionClaims): Date {
  return new Date((claims.signedInAt + SESSION_LIFETIME_SECONDS) * 1000);
}

/** The instant the session of `token` stops being accepted, or null for a token that is not ours. */
export function sessionEndsAt(token: JWT): Date | null {
  const claims = claimsOf(token);
  return claims ? endOf(claims) : null;
}

/** The token of a new session for `member`, signed in now, with a fresh random session id. */
export function startSession(token: JWT, member: Member, now = Date.now()): JWT {
  return withMember({ ...token, uid: member.id, sid: randomUUID(), signedInAt: Math.floor(now / 1000) }, member);
}

/**
 * The member a token stands for right now, and the token refreshed with their current role, email and
 * name; null when the session is over (lifetime passed, signed out, member removed or disabled).
 */
export async function liveSession(
  db: Kysely<Database>,
  token: JWT | null | undefined,
  now = Date.now(),
): Promise<{ member: Member; token: JWT } | null> {
  const claims = claimsOf(token);
  if (!claims || !token) return null;
  if (now >= endOf(claims).getTime()) return null;
  // The same primary-key read every request made before revocation existed, plus an indexed sub-select.
  const found = await findSessionMember(db, claims.uid, claims.sid);
  if (!found || found.revoked) return null;
  return { member: found.member, token: withMember(token, found.member) };
}

/**
 * Sign-out: the session of `token` is refused from the next request on, in every browser holding a
 * copy of its cookie. The member's other sessions (another device) go on. A dead token does nothing.
 */
export async function endSession(db: Kysely<Database>, token: JWT | null | undefined, now = Date.now()): Promise<boolean> {
  const claims = claimsOf(token);
  if (!claims || !(await liveSession(db, token, now))) return false;
  await revokeSession(db, { sessionId: claims.sid, userId: claims.uid, expiresAt: endOf(claims) }, new Date(now));
  return true;
}

function withMember(token: JWT, member: Member): JWT {
  return { ...token, email: member.email, name: member.name, role: member.role, createdAt: member.createdAt };
}

/** The member a token (refreshed by liveSession) carries, for next-auth's session callback. */
export function memberOfToken(token: JWT): Member | null {
  const { uid, email, name, role, createdAt } = token;
  if (typeof uid !== "string" || typeof email !== "string" || typeof createdAt !== "string") return null;
  if (!isRole(role)) return null;
  return { id: uid, email, name: typeof name === "string" ? name : null, role, createdAt };
}
