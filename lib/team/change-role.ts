// Changing a member's role: owners manage everyone, admins only non-owners, and the store always
// keeps at least one owner. A demoted member's pending invites that their new role could not send go.
import "server-only";
import type { Kysely } from "kysely";
import type { Role } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertCanManage, currentActor, parseInput, roleSchema, toMember, type Actor, type Member } from "./members";
import { assertNotLastOwner } from "./owners";
import { revokeInvitesOutOfReach } from "./revoke-invite";

export async function changeRole(db: Kysely<Database>, actor: Actor, userId: string, role: Role): Promise<Member> {
  const newRole = parseInput(roleSchema, role);
  return db.transaction().execute(async (trx) => {
    const checked = await currentActor(trx, actor, "team:manage");
    const target = await trx
      .selectFrom("users")
      .select(["id", "email", "name", "role", "created_at"])
      .where("id", "=", userId)
      .where("disabled_at", "is", null)
      .executeTakeFirst();
    if (!target) throw new NotFoundError("No such member");
    assertCanManage(checked, target.role, newRole);
    if (target.role === newRole) return toMember(target);
    if (target.role === "owner") await assertNotLastOwner(trx, target.id);

    await trx.updateTable("users").set({ role: newRole }).where("id", "=", target.id).execute();
    await recordAudit(trx, {
      actor: checked,
      action: "team.role_changed",
      target: target.email,
      details: { userId: target.id, from: target.role, to: newRole },
    });
    await revokeInvitesOutOfReach(trx, checked, target.id, newRole);
    return toMember({ ...target, role: newRole });
  });
}
