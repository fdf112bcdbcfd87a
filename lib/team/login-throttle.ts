// Sign-in throttling from the failed attempts kept in the database, so it holds across restarts and
// across several app instances. Per account stops guessing one password; per IP stops spraying many.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;
const KEEP_FAILURES_SECONDS = 24 * 60 * 60;

/** Seconds until the next attempt is allowed, or 0 when neither the account nor the IP is throttled. */
export async function throttledFor(
  db: Kysely<Database>,
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_SECONDS * 1000).toISOString();
  const checks: Array<Promise<number>> = [waitFor(db, "email", email, MAX_FAILURES_PER_ACCOUNT, since, now)];
  if (ip) checks.push(waitFor(db, "ip", ip, MAX_FAILURES_PER_IP, since, now));
  return Math.max(...(await Promise.all(checks)));
}

async function waitFor(
  db: Kysely<Database>,
  column: "email" | "ip",
  value: string,
  max: number,
  since: string,
  now: Date,
): Promise<number> {
  // The max-th newest failure in the window: once it leaves the window, fewer than `max` remain.
  const row = await db
    .selectFrom("login_attempts")
    .select("at")
    .where(column, "=", value)
    .where("at", ">", since)
    .orderBy("at", "desc")
    .offset(max - 1)
    .limit(1)
    .executeTakeFirst();
  if (!row) return 0;
  const freeAt = new Date(row.at).getTime() + THROTTLE_WINDOW_SECONDS * 1000;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}

export async function recordFailure(db: Kysely<Database>, email: string, ip: string | null): Promise<void> {
  const now = new Date();
  await db.insertInto("login_attempts").values({ email, ip, at: now.toISOString() }).execute();
  const expired = new Date(now.getTime() - KEEP_FAILURES_SECONDS * 1000).toISOString();
  await db.deleteFrom("login_attempts").where("at", "<", expired).execute();
}

/** A successful sign-in clears the account's failures (not the IP's: one good account must not
 *  reset a spraying IP's counter). */
export async function clearAccountFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("email", "=", email).execute();
}
