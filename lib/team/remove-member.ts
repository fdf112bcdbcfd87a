// Removing a member: their row goes (sessions die at the next request, which re-reads the member) and
// so do the invites they sent and nobody accepted yet; the audit log keeps their email. The last owner
// cannot be removed, not even by themselves.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertCanManage, currentActor, type Actor } from "./members";
import { assertNotLastOwner } from "./owners";
import { revokeInvitesOutOfReach } from "./revoke-invite";

export async function removeMember(db: Kysely<Database>, actor: Actor, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const checked = await currentActor(trx, actor, "team:manage");
    const target = await trx
      .selectFrom("users")
      .select(["id", "email", "role"])
      .where("id", "=", userId)
      .where("disabled_at", "is", null)
      .executeTakeFirst();
    if (!target) throw new NotFoundError("No such member");
    assertCanManage(checked, target.role);
    if (target.role === "owner") await assertNotLastOwner(trx, target.id);

    await recordAudit(trx, {
      actor: checked,
      action: "team.member_removed",
      target: target.email,
      details: { userId: target.id, role: target.role },
    });
    // Before the row goes: deleting it sets their invites' invited_by to null (0001-team's foreign key).
    await revokeInvitesOutOfReach(trx, checked, target.id, null);
    await trx.deleteFrom("users").where("id", "=", target.id).execute();
  });
}
