// Demo mode only (DESIGN §5): one account per role with fixed, documented credentials, shown on the
// login page so a visitor can try every role. Never call this with a real store configured.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { nowIso } from "./members";

export type DemoAccount = { email: string; password: string; role: Role };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = ROLES.map((role) => ({
  email: `${role}@demo.chariow.local`,
  password: `demo-${role}-2026`,
  role,
}));

/** Creates the missing demo accounts (existing ones are left as they are) and returns all four. */
export async function ensureDemoAccounts(db: Kysely<Database>): Promise<DemoAccount[]> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const existing = new Set(
    (await db.selectFrom("users").select("email").where("email", "in", emails).execute()).map((r) => r.email),
  );
  for (const account of DEMO_ACCOUNTS) {
    if (existing.has(account.email)) continue;
    const id = randomUUID();
    // ON CONFLICT DO NOTHING: two instances seeding at once both succeed, one row wins.
    const result = await db
      .insertInto("users")
      .values({
        id,
        email: account.email,
        name: `Demo ${account.role}`,
        password_hash: await hashPassword(account.password),
        role: account.role,
        created_at: nowIso(),
        disabled_at: null,
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) {
      await recordAudit(db, {
        actor: null,
        action: "user.created",
        target: account.email,
        details: { userId: id, role: account.role, via: "demo" },
      });
    }
  }
  return DEMO_ACCOUNTS.map((a) => ({ ...a }));
}
