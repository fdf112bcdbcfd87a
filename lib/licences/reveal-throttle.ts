// How many licence keys one member may reveal: REVEAL_LIMITS per minute and per day, counted from the
// audit log's `licence.reveal` entries — every reveal is audited before its key leaves, so the audit log
// is the count and no second ledger can drift from it. A support agent reads a few keys to callers an
// hour; 100 keys in 0.7 s (issue 14 #7) is someone copying the store's keys out.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { engineOfDb } from "@/lib/db/engine-sql";

export const REVEAL_AUDIT_ACTION = "licence.reveal";

export const REVEAL_LIMITS = [
  { max: 20, windowSeconds: 60 },
  { max: 200, windowSeconds: 24 * 60 * 60 },
] as const;

// Two-key advisory locks live in their own key space, apart from the one-key migration and mirror locks.
const REVEAL_LOCK_CLASS = 14_007;

/**
 * Inside the reveal's transaction, before counting: serialises one member's reveals across requests
 * and instances (PG), so two at once cannot both read "19" and both pass. SQLite has one writer.
 */
export async function lockMemberReveals(trx: Kysely<Database>, memberId: string): Promise<void> {
  if (engineOfDb(trx) === "postgres") await sql`select pg_advisory_xact_lock(${sql.lit(REVEAL_LOCK_CLASS)}, hashtext(${memberId}))`.execute(trx);
}

/** Seconds until `memberId` may reveal another key, or 0 when no limit is reached. */
export async function revealWaitSeconds(db: Kysely<Database>, memberId: string, now = new Date()): Promise<number> {
  const waits = await Promise.all(
    REVEAL_LIMITS.map(async ({ max, windowSeconds }) => {
      // The max-th newest reveal in the window: once it leaves the window, fewer than `max` remain.
      const since = new Date(now.getTime() - windowSeconds * 1000).toISOString();
      const row = await db
        .selectFrom("audit_log")
        .select("at")
        .where("action", "=", REVEAL_AUDIT_ACTION)
        .where("actor_user_id", "=", memberId)
        .where("at", ">", since)
        .orderBy("at", "desc")
        .offset(max - 1)
        .limit(1)
        .executeTakeFirst();
      if (!row) return 0;
      const freeAt = new Date(row.at).getTime() + windowSeconds * 1000;
      return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
    }),
  );
  return Math.max(...waits);
}
