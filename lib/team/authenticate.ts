// Email + password sign-in: throttled, audited, and giving the same answer (and taking the same time)
// whether or not the email has an account.
import "server-only";
import type { Kysely } from "kysely";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { normaliseEmail, toMember, type Member } from "./members";
import { clearAccountFailures, recordFailure, throttledFor } from "./login-throttle";

export type AuthenticateResult =
  | { ok: true; user: Member }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

export async function authenticate(
  db: Kysely<Database>,
  input: { email: string; password: string; ip?: string | null },
): Promise<AuthenticateResult> {
  const email = normaliseEmail(input.email).slice(0, 320);
  const ip = input.ip ?? null;

  // Checked before the password, so a correct guess during the lock-out teaches the attacker nothing.
  const retryAfterSeconds = await throttledFor(db, email, ip);
  if (retryAfterSeconds > 0) {
    await recordAudit(db, {
      actor: null,
      action: "auth.sign_in_failed",
      target: email,
      details: { reason: "throttled", retryAfterSeconds },
      ip,
    });
    return { ok: false, reason: "throttled", retryAfterSeconds };
  }

  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email)
    .where("disabled_at", "is", null)
    .executeTakeFirst();

  let valid = false;
  if (user?.password_hash) valid = await verifyPassword(input.password, user.password_hash);
  else await burnPasswordCheck(input.password);

  if (!user || !valid) {
    await recordFailure(db, email, ip);
    await recordAudit(db, { actor: null, action: "auth.sign_in_failed", target: email, details: { reason: "invalid" }, ip });
    return { ok: false, reason: "invalid" };
  }

  await clearAccountFailures(db, email);
  const member = toMember(user);
  await recordAudit(db, {
    actor: { id: member.id, email: member.email, role: member.role },
    action: "auth.sign_in",
    details: { provider: "credentials" },
    ip,
  });
  return { ok: true, user: member };
}
