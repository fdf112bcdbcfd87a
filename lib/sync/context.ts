// What every sync job is given: the database, the Chariow client (whose scheduler spends the budget),
// a clock (virtual in tests), the store timezone for local days, and a guard that stops the job when
// the engine is stopping or the lease was lost.
import "server-only";
import type { Kysely } from "kysely";
import type { ChariowClient, Clock } from "@/lib/chariow";
import type { Database } from "@/lib/db";

export interface SyncContext {
  db: Kysely<Database>;
  client: ChariowClient;
  clock: Clock;
  timeZone: string;
  /** Aborts in-flight and queued requests when the engine stops. */
  signal?: AbortSignal;
  /** Throws (LeaseLostError, abort) when the job must stop now; called between pages. */
  guard(): Promise<void>;
}

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" (UTC) of an epoch ms: the API's date filters are UTC days (chariow-api.md §5). */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const dayToMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
export const shiftDay = (day: string, n: number): string => utcDay(dayToMs(day) + n * DAY_MS);
/** Days from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string): number => Math.round((dayToMs(to) - dayToMs(from)) / DAY_MS) + 1;

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Background priority: interactive requests (a person waiting) always go first (DESIGN §2). */
export function backgroundCall(ctx: SyncContext) {
  return { priority: "background" as const, ...(ctx.signal ? { signal: ctx.signal } : {}) };
}
