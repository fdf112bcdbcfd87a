// Looking up and accepting an invite link: the invitee sets their name and password and becomes a
// member; the link works exactly once, even when submitted twice at the same moment.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Role } from "@/lib/auth/permissions";
import { assertAcceptablePassword, hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { nameSchema, nowIso, parseInput, toMember, type Member } from "./members";
import { hashInviteToken } from "./invite-token";

const tokenSchema = z.string({ error: "is required" }).min(1, "is required").max(200, "is malformed");
// The password's policy is checked after the shape, by assertAcceptablePassword, whose error code names the
// problem for the invite form (password_too_short, password_common…).
const acceptSchema = z.object({ token: tokenSchema, name: nameSchema, password: z.string({ error: "is required" }) });

/** The invite behind a link, or null when unknown, already used or expired. */
export async function getInvite(
  db: Kysely<Database>,
  token: string,
): Promise<{ email: string; role: Role; expiresAt: string } | null> {
  if (!tokenSchema.safeParse(token).success) return null;
  const row = await db
    .selectFrom("invites")
    .select(["email", "role", "expires_at"])
    .where("token_hash", "=", hashInviteToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso())
    .executeTakeFirst();
  return row ? { email: row.email, role: row.role, expiresAt: row.expires_at } : null;
}

export async function acceptInvite(
  db: Kysely<Database>,
  input: { token: string; name: string; password: string },
): Promise<Member> {
  const data = parseInput(acceptSchema, input);
  assertAcceptablePassword(data.password);
  // Hash before the transaction: bcrypt is slow and must not hold the write lock.
  const passwordHash = await hashPassword(data.password);
  const userId = randomUUID();
  const now = nowIso();

  return db.transaction().execute(async (trx) => {
    // Claim the invite with one conditional UPDATE: of two concurrent accepts only one matches a row.
    const claimed = await trx
      .updateTable("invites")
      .set({ used_at: now })
      .where("token_hash", "=", hashInviteToken(data.token))
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning(["id", "email", "role", "invited_by"])
      .executeTakeFirst();
    if (!claimed) throw new NotFoundError("This invite link is invalid, expired or already used");

    const existing = await trx.selectFrom("users").select("id").where("email", "=", claimed.email).executeTakeFirst();
    if (existing) throw new ConflictError(`${claimed.email} is already a member`, "email");

    const row = {
      id: userId,
      email: claimed.email,
      name: data.name,
      password_hash: passwordHash,
      role: claimed.role,
      created_at: now,
      disabled_at: null,
    };
    await trx.insertInto("users").values(row).execute();
    await trx.updateTable("invites").set({ used_by: userId }).where("id", "=", claimed.id).execute();
    const member = toMember(row);
    await recordAudit(trx, {
      actor: { id: member.id, email: member.email, role: member.role },
      action: "team.invite_accepted",
      target: member.email,
      details: { role: member.role, invitedBy: claimed.invited_by },
    });
    return member;
  });
}
