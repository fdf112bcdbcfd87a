// The database's side of sessions: who a session token belongs to now (role, removal) and whether that
// session was signed out, in one read; and the sign-out record, kept until the session would have
// expired anyway.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { toMember, type Member } from "./members";

/**
 * The active member with this id and whether session `sessionId` was signed out, or null when the
 * member is gone (removed, disabled). One primary-key read with an indexed sub-select: the read every
 * request already made, plus the revocation check.
 */
export async function findSessionMember(
  db: Kysely<Database>,
  id: string,
  sessionId: string,
): Promise<{ member: Member; revoked: boolean } | null> {
  const row = await db
    .selectFrom("users")
    .select(["id", "email", "name", "role", "created_at"])
    .select(
      sql<number>`case when exists (select 1 from revoked_sessions where session_id = ${sessionId}) then 1 else 0 end`.as("revoked"),
    )
    .where("id", "=", id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return row ? { member: toMember(row), revoked: Number(row.revoked) === 1 } : null;
}

/** Records a sign-out: session `sessionId` is refused until `expiresAt`, when it would have ended anyway. */
export async function revokeSession(
  db: Kysely<Database>,
  session: { sessionId: string; userId: string; expiresAt: Date },
  now = new Date(),
): Promise<void> {
  await db
    .insertInto("revoked_sessions")
    .values({ session_id: session.sessionId, user_id: session.userId, revoked_at: now.toISOString(), expires_at: session.expiresAt.toISOString() })
    .onConflict((oc) => oc.column("session_id").doNothing())
    .execute();
  // Rows past their session's end can no longer match a live token: keep the table to the last 12 hours.
  await db.deleteFrom("revoked_sessions").where("expires_at", "<", now.toISOString()).execute();
}
