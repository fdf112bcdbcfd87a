// Sign-in throttling from the failed attempts kept in the database, so it holds across restarts and
// across several app instances (docs/security.md "Sign-in and sessions").
// - Per account: a progressive delay, not a lock-out. The first 5 failures are free; after the n-th
//   (n ≥ 5) the next attempt waits 15 s × 2^(n−5) from that failure, at most 15 min. A guesser is slowed
//   to ~4 tries an hour, while a stranger's failures only ever hold the owner off for the current step:
//   once it has passed, the right password works. A success forgets the account's failures.
// - Per IP: 20 failures in 15 min stop that address for the rest of the window (stops spraying many
//   accounts). The address is the socket peer unless TRUSTED_PROXIES says otherwise (lib/http/client-ip.ts).
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

export const FREE_FAILURES_PER_ACCOUNT = 5;
export const FIRST_ACCOUNT_DELAY_SECONDS = 15;
export const MAX_ACCOUNT_DELAY_SECONDS = 15 * 60;
export const IP_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_IP = 20;
/** How long failures are remembered: an account's count, and so its delay, starts over after a quiet day. */
const KEEP_FAILURES_SECONDS = 24 * 60 * 60;

/** The wait after an account's `failures`-th consecutive failure (0 while failures are still free). */
export function accountDelaySeconds(failures: number): number {
  if (failures < FREE_FAILURES_PER_ACCOUNT) return 0;
  return Math.min(FIRST_ACCOUNT_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES_PER_ACCOUNT), MAX_ACCOUNT_DELAY_SECONDS);
}

/** Seconds until the next attempt is allowed, or 0 when neither the account nor the IP is throttled. */
export async function throttledFor(
  db: Kysely<Database>,
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<number> {
  const checks = [accountWait(db, email, now)];
  if (ip) checks.push(ipWait(db, ip, now));
  return Math.max(...(await Promise.all(checks)));
}

async function accountWait(db: Kysely<Database>, email: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - KEEP_FAILURES_SECONDS * 1000).toISOString();
  const row = await db
    .selectFrom("login_attempts")
    .select([sql<number>`count(*)`.as("failures"), sql<string | null>`max(at)`.as("last")])
    .where("email", "=", email)
    .where("at", ">", since)
    .executeTakeFirst();
  const delay = accountDelaySeconds(Number(row?.failures ?? 0));
  if (delay === 0 || !row?.last) return 0;
  return secondsUntil(new Date(row.last).getTime() + delay * 1000, now);
}

async function ipWait(db: Kysely<Database>, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - IP_WINDOW_SECONDS * 1000).toISOString();
  // The max-th newest failure in the window: once it leaves the window, fewer than `max` remain.
  const row = await db
    .selectFrom("login_attempts")
    .select("at")
    .where("ip", "=", ip)
    .where("at", ">", since)
    .orderBy("at", "desc")
    .offset(MAX_FAILURES_PER_IP - 1)
    .limit(1)
    .executeTakeFirst();
  if (!row) return 0;
  return secondsUntil(new Date(row.at).getTime() + IP_WINDOW_SECONDS * 1000, now);
}

function secondsUntil(freeAtMs: number, now: Date): number {
  const ms = freeAtMs - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / 1000);
}

export async function recordFailure(db: Kysely<Database>, email: string, ip: string | null, now = new Date()): Promise<void> {
  await db.insertInto("login_attempts").values({ email, ip, at: now.toISOString() }).execute();
  const expired = new Date(now.getTime() - KEEP_FAILURES_SECONDS * 1000).toISOString();
  await db.deleteFrom("login_attempts").where("at", "<", expired).execute();
}

/** A successful sign-in clears the account's failures (not the IP's: one good account must not
 *  reset a spraying IP's counter). */
export async function clearAccountFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("email", "=", email).execute();
}
