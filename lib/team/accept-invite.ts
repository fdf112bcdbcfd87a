// Looking up and accepting an invite link: the invitee types the address the invite was sent to, sets
// their name and password and becomes a member; the link works exactly once, even when submitted twice
// at the same moment. The address is asked, not shown, so a forwarded or leaked link alone is not
// enough (issue 14 #4); a wrong one is refused without using the link, and after MAX_WRONG_EMAILS
// wrong ones the link is revoked — whoever holds it is guessing.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Role } from "@/lib/auth/permissions";
import { assertAcceptablePassword, hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { AppError, ConflictError, NotFoundError } from "@/lib/errors";
import { emailSchema, nameSchema, nowIso, parseInput, toMember, type Member } from "./members";
import { hashInviteToken } from "./invite-token";

const tokenSchema = z.string({ error: "is required" }).min(1, "is required").max(200, "is malformed");
// The password's policy is checked after the shape, by assertAcceptablePassword, whose error code names the
// problem for the invite form (password_too_short, password_common…).
const acceptSchema = z.object({ token: tokenSchema, email: emailSchema, name: nameSchema, password: z.string({ error: "is required" }) });

/** Wrong addresses a link takes before it is revoked. */
export const MAX_WRONG_EMAILS = 5;

/** 400 on `email`: the invite was sent to another address (compared trimmed and case-insensitively). */
export class InviteEmailMismatchError extends AppError {
  constructor() {
    super("This invite was sent to another email address", { code: "invite_email_mismatch", status: 400, field: "email" });
  }
}

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
  input: { token: string; email: string; name: string; password: string },
  meta: { ip?: string | null } = {},
): Promise<Member> {
  const data = parseInput(acceptSchema, input);
  assertAcceptablePassword(data.password);
  const pending = await db
    .selectFrom("invites")
    .select(["id", "email", "created_at"])
    .where("token_hash", "=", hashInviteToken(data.token))
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso())
    .executeTakeFirst();
  if (!pending) throw new NotFoundError("This invite link is invalid, expired or already used");
  if (pending.email !== data.email) {
    await refuseWrongEmail(db, pending, meta.ip ?? null);
    throw new InviteEmailMismatchError();
  }
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
      .where("email", "=", data.email)
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

/** Audits the wrong address (never the address typed) and revokes the link at the MAX_WRONG_EMAILS-th. */
async function refuseWrongEmail(db: Kysely<Database>, invite: { id: string; email: string; created_at: string }, ip: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, { actor: null, ip, action: "team.invite_wrong_email", target: invite.email, details: { inviteId: invite.id } });
    // A new invite to the same address replaces this one, so its refusals count from its creation.
    const { n } = await trx
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("action", "=", "team.invite_wrong_email")
      .where("target", "=", invite.email)
      .where("at", ">=", invite.created_at)
      .executeTakeFirstOrThrow();
    if (Number(n) < MAX_WRONG_EMAILS) return;
    const revoked = await trx.deleteFrom("invites").where("id", "=", invite.id).where("used_at", "is", null).returning(["role", "invited_by"]).executeTakeFirst();
    if (revoked) {
      await recordAudit(trx, { actor: null, ip, action: "team.invite_revoked", target: invite.email, details: { inviteId: invite.id, role: revoked.role, invitedBy: revoked.invited_by, reason: "wrong_emails" } });
    }
  });
}
