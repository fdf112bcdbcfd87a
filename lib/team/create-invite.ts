// Owners and admins invite a teammate by email with a role; the single-use link expires in 7 days.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Role } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { ConflictError } from "@/lib/errors";
import { assertCanManage, currentActor, emailSchema, nowIso, parseInput, roleSchema, type Actor } from "./members";
import { INVITE_TTL_DAYS, hashInviteToken, newInviteToken } from "./invite-token";

const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export type CreatedInvite = { token: string; expiresAt: string; email: string; role: Role };

export async function createInvite(
  db: Kysely<Database>,
  actor: Actor,
  input: { email: string; role: Role },
): Promise<CreatedInvite> {
  const data = parseInput(inviteSchema, input);
  const checked = await currentActor(db, actor, "team:manage");
  assertCanManage(checked, data.role, data.role);

  const member = await db.selectFrom("users").select("id").where("email", "=", data.email).executeTakeFirst();
  if (member) throw new ConflictError(`${data.email} is already a member`, "email");

  const token = newInviteToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 3600 * 1000).toISOString();
  await db.transaction().execute(async (trx) => {
    // A new invite replaces any pending one for the same email: only the newest link works.
    await trx.deleteFrom("invites").where("email", "=", data.email).where("used_at", "is", null).execute();
    await trx
      .insertInto("invites")
      .values({
        id: randomUUID(),
        token_hash: hashInviteToken(token),
        email: data.email,
        role: data.role,
        invited_by: checked.id,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
        used_by: null,
      })
      .execute();
    await recordAudit(trx, {
      actor: checked,
      action: "team.invite_created",
      target: data.email,
      details: { role: data.role, expiresAt },
    });
  });
  return { token, expiresAt, email: data.email, role: data.role };
}

/**
 * Pending (unused, unexpired) invites, newest first, for the Team page. Never returns tokens: only hashes
 * exist. `limit` and `offset` give one page of them.
 */
export async function listPendingInvites(
  db: Kysely<Database>,
  opts: { limit?: number; offset?: number } = {},
): Promise<Array<{ id: string; email: string; role: Role; expiresAt: string; createdAt: string }>> {
  let query = db
    .selectFrom("invites")
    .select(["id", "email", "role", "expires_at", "created_at"])
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso())
    .orderBy("created_at", "desc")
    .orderBy("id", "asc");
  if (opts.limit !== undefined) query = query.limit(opts.limit).offset(opts.offset ?? 0);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, expiresAt: r.expires_at, createdAt: r.created_at }));
}
