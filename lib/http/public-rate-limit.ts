// Fixed-window request counters for public pages (issue 21's affiliate page): one row per bucket in
// `public_rate_limits`, shared by every instance through the database, incremented in one statement
// (insert, or add to the current window's count and restart it when the window has moved on).
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";

export type RateLimitVerdict = { allowed: boolean; count: number; retryAfterSeconds: number };

/** Counts one request in `bucket` for the window of `windowMs` holding `now`; allowed while count ≤ limit. */
export async function hitRateLimit(db: Kysely<Database>, bucket: string, limit: number, windowMs: number, now = new Date()): Promise<RateLimitVerdict> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
  const row = await db
    .insertInto("public_rate_limits")
    .values({ bucket, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column("bucket").doUpdateSet({
        count: sql<number>`case when ${sql.ref("public_rate_limits.window_start")} = ${windowStart} then ${sql.ref("public_rate_limits.count")} + 1 else 1 end`,
        window_start: windowStart,
      }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(windowStart) + windowMs - now.getTime()) / 1000));
  return { allowed: count <= limit, count, retryAfterSeconds };
}

/** Drops the windows that ended long ago (called now and then; a bucket row is re-created when needed). */
export async function pruneRateLimits(db: Kysely<Database>, olderThan: Date): Promise<void> {
  await db.deleteFrom("public_rate_limits").where("window_start", "<", olderThan.toISOString()).execute();
}
