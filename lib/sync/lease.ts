// The sync lease: with several app instances on one database only the holder runs the sync jobs
// (DESIGN §5 "Scaled"). Every change is one conditional UPDATE, so two instances never both hold it,
// and a crashed holder's lease simply expires.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";

const LEASE_ID = "sync";

export interface LeaseInfo {
  holder: string | null;
  expiresAt: number;
}

async function ensureRow(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto("sync_lease")
    .values({ id: LEASE_ID, holder: null, expires_at: 0, acquired_at: null })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/**
 * Takes the lease when it is free, expired, or already ours (then it is renewed). True when `holder`
 * holds it until `now + ttlMs`.
 */
export async function acquireLease(db: Kysely<Database>, holder: string, now: number, ttlMs: number): Promise<boolean> {
  await ensureRow(db);
  const result = await db
    .updateTable("sync_lease")
    .set((eb) => ({
      holder,
      expires_at: now + ttlMs,
      // Keep the original acquisition time on renewal; a takeover starts a new one.
      acquired_at: eb.case().when("holder", "=", holder).then(eb.ref("acquired_at")).else(now).end(),
    }))
    .where("id", "=", LEASE_ID)
    .where((eb) => eb.or([eb("holder", "is", null), eb("holder", "=", holder), eb("expires_at", "<=", now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Extends our lease; false when it is no longer ours. A lease that expired while we waited for the rate
 * limit (a request can wait over a minute) is still ours if nobody took it: any takeover rewrites
 * `holder`, so "holder = me" is the whole test.
 */
export async function renewLease(db: Kysely<Database>, holder: string, now: number, ttlMs: number): Promise<boolean> {
  const result = await db
    .updateTable("sync_lease")
    .set({ expires_at: now + ttlMs })
    .where("id", "=", LEASE_ID)
    .where("holder", "=", holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives the lease up at once (graceful shutdown), so another instance need not wait for expiry. */
export async function releaseLease(db: Kysely<Database>, holder: string): Promise<void> {
  await db.updateTable("sync_lease").set({ holder: null, expires_at: 0 }).where("id", "=", LEASE_ID).where("holder", "=", holder).execute();
}

export async function readLease(db: Kysely<Database>): Promise<LeaseInfo | null> {
  const row = await db.selectFrom("sync_lease").select(["holder", "expires_at"]).where("id", "=", LEASE_ID).executeTakeFirst();
  return row ? { holder: row.holder, expiresAt: Number(row.expires_at) } : null;
}
