// Revoking invites. An owner or admin withdraws a pending link from the Team page; a member who is
// removed, or demoted so that they could no longer send it, takes their pending links with them: a
// link must not outlive the person who vouched for it (issue 14 #4). A revoked invite's row is deleted
// (its link then reads "invalid, expired or already used"); the audit log keeps who, whom and why.
import "server-only";
import type { Kysely } from "kysely";
import { canManageMember, type Role } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertCanManage, currentActor, nowIso, type Actor, type Db } from "./members";

export type InviteRevocationReason = "revoked" | "inviter_removed" | "inviter_role_changed";

/** Withdraws one pending invite (team:manage; admins cannot withdraw an invite to become owner). */
export async function revokeInvite(db: Kysely<Database>, actor: Actor, inviteId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const checked = await currentActor(trx, actor, "team:manage");
    const invite = await trx
      .selectFrom("invites")
      .select(["id", "role"])
      .where("id", "=", inviteId)
      .where("used_at", "is", null)
      .where("expires_at", ">", nowIso())
      .executeTakeFirst();
    if (!invite) throw new NotFoundError("No such pending invite");
    assertCanManage(checked, invite.role, invite.role);
    const revoked = await deletePending(trx, [invite.id]);
    if (revoked.length === 0) throw new NotFoundError("No such pending invite"); // accepted meanwhile
    await auditRevoked(trx, checked, revoked, "revoked");
  });
}

/**
 * Inside the caller's transaction: revokes the pending invites `inviterId` sent that `newRole` could
 * not send (every one when `newRole` is null: the inviter is being removed). Returns how many.
 */
export async function revokeInvitesOutOfReach(trx: Db, actor: Actor, inviterId: string, newRole: Role | null): Promise<number> {
  const pending = await trx
    .selectFrom("invites")
    .select(["id", "role"])
    .where("invited_by", "=", inviterId)
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso())
    .execute();
  const outOfReach = pending.filter((i) => newRole === null || !canManageMember(newRole, i.role, i.role));
  if (outOfReach.length === 0) return 0;
  const revoked = await deletePending(trx, outOfReach.map((i) => i.id));
  await auditRevoked(trx, actor, revoked, newRole === null ? "inviter_removed" : "inviter_role_changed");
  return revoked.length;
}

type RevokedRow = { id: string; email: string; role: Role; invited_by: string | null };

// `used_at is null` again at delete time: an accept that claimed the link first keeps its member.
async function deletePending(trx: Db, ids: string[]): Promise<RevokedRow[]> {
  return trx.deleteFrom("invites").where("id", "in", ids).where("used_at", "is", null).returning(["id", "email", "role", "invited_by"]).execute();
}

async function auditRevoked(trx: Db, actor: Actor, rows: RevokedRow[], reason: InviteRevocationReason): Promise<void> {
  for (const row of rows) {
    await recordAudit(trx, { actor, action: "team.invite_revoked", target: row.email, details: { inviteId: row.id, role: row.role, invitedBy: row.invited_by, reason } });
  }
}
