// Password hashing (bcrypt) and the one password policy, shared by sign-up, invites and the CLI.
import "server-only";
import { compare, hash } from "bcryptjs";
import { z } from "zod";

// Cost 12 is ~250 ms on a small server: slow enough against offline guessing, fast enough for a login.
// Tests use 10 so the suite stays quick; the hash format records its cost, so both verify everywhere.
function cost(): number {
  return process.env.NODE_ENV === "test" ? 10 : 12;
}

export const passwordSchema = z
  .string({ error: "is required" })
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");

export function hashPassword(pw: string): Promise<string> {
  return hash(pw, cost());
}

export async function verifyPassword(pw: string, passwordHash: string): Promise<boolean> {
  try {
    return await compare(pw, passwordHash);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a 500
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, for sign-ins with an unknown email, so response time does not
 * reveal which emails have accounts.
 */
export async function burnPasswordCheck(pw: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-" + Math.random());
  await verifyPassword(pw, await dummyHash);
}
