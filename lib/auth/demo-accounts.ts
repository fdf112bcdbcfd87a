// Demo mode only: the seeded demo team (one account per role), created once per process and listed on
// the login page so a visitor can try every role. Never runs against a live store.
import "server-only";
import type { Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ensureDemoAccounts } from "@/lib/team";

export type DemoAccount = { email: string; password: string; role: Role };

let seeded: Promise<DemoAccount[]> | undefined;

export async function getDemoAccounts(): Promise<DemoAccount[]> {
  if (!getEnv().DEMO_MODE) return [];
  seeded ??= getDb()
    .then((db) => ensureDemoAccounts(db))
    .catch((error: unknown) => {
      seeded = undefined;
      throw error;
    });
  return seeded;
}
