// Password hashing (bcrypt) and the one password policy, shared by sign-up, invites and the CLI:
// 10 to 200 characters, and not a common password (docs/security.md "Passwords").
import "server-only";
import { compare, hash } from "bcryptjs";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import commonPasswords from "./common-passwords.json";

// Cost 12 is ~250 ms on a small server: slow enough against offline guessing, fast enough for a login.
// Tests use 10 so the suite stays quick; the hash format records its cost, so both verify everywhere.
function cost(): number {
  return process.env.NODE_ENV === "test" ? 10 : 12;
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Why a password is refused; the API answers `password_<problem>` so the form can say it in the reader's language. */
export type PasswordProblem = "too_short" | "too_long" | "common";

const PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
  too_long: `must be at most ${MAX_PASSWORD_LENGTH} characters`,
  common: "is too common (a well-known password, perhaps with digits or symbols added, or a simple sequence): choose another",
};

// lib/auth/common-passwords.json cites its sources: the 10,000 most frequent passwords of a 10-million
// leak corpus (via zxcvbn-ts) and French and francophone-African ones added by hand.
const COMMON = new Set<string>([...commonPasswords.common, ...commonPasswords.french]);

/** Lower case without accents, so "Bébé" and "BEBE" are "bebe". */
function fold(password: string): string {
  return password.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/** One short unit repeated ("aaaaaaaaaa", "1212121212") or a straight run ("0123456789", "kjihgfedcba"). */
function isTrivialPattern(folded: string): boolean {
  if (/^(.{1,4})\1+$/su.test(folded)) return true;
  const codes = [...folded].map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

/**
 * Whether `password` is one a guesser tries first: on the list, on the list with digits, spaces or
 * symbols appended ("Soleil2024!", "motdepasse1"), or a trivial pattern. Lengths are checked apart.
 */
export function isCommonPassword(password: string): boolean {
  const folded = fold(password);
  if (COMMON.has(folded) || isTrivialPattern(folded)) return true;
  const base = folded.replace(/[\p{N}\p{P}\p{S}\s]+$/u, "");
  return base.length >= 3 && base !== folded && COMMON.has(base);
}

/** The first reason `password` is refused, or null when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "too_short";
  if (password.length > MAX_PASSWORD_LENGTH) return "too_long";
  return isCommonPassword(password) ? "common" : null;
}

export const passwordSchema = z.string({ error: "is required" }).superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: PROBLEM_MESSAGES[problem] });
});

/**
 * Throws a ValidationError on `password` whose code names the problem (`password_common`, …), for
 * services whose caller shows the reason to a person (the invite form translates the code).
 */
export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError(`password: ${PROBLEM_MESSAGES[problem]}`, "password", `password_${problem}`);
}

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
