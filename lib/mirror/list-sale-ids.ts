// Which sales the sync should read again (refresh) or read in detail (enrichment), best first. Each
// bucket is its own indexed query, so picking 100 ids never sorts a million rows.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";

// A sale read in detail this recently is not picked for refresh again: the budget is 10 calls a
// minute (chariow-api.md §2), and re-reading what was just read learns nothing.
const REFRESH_COOL_DOWN_MS = 15 * 60_000;
const RECENT_MS = 30 * 24 * 3600_000;

function collect(into: string[], ids: Array<{ id: string }>, limit: number): void {
  const seen = new Set(into);
  for (const { id } of ids) {
    if (into.length >= limit) return;
    if (!seen.has(id)) {
      seen.add(id);
      into.push(id);
    }
  }
}

/**
 * Sales whose status can still change (§5): `awaiting_payment`, and `completed` not yet settled. Payouts
 * already due first (the likeliest to have changed), then those read longest ago, newest sale first.
 */
export async function listSaleIdsNeedingRefresh(db: Kysely<Database>, opts: { limit: number; now: string }): Promise<string[]> {
  if (opts.limit <= 0) return [];
  const coolDown = new Date(Date.parse(opts.now) - REFRESH_COOL_DOWN_MS).toISOString();
  const out: string[] = [];
  const fresh = (qb: ReturnType<typeof base>) => qb.where((eb) => eb.or([eb("detail_at", "is", null), eb("detail_at", "<", coolDown)]));
  const base = () => db.selectFrom("sales").select("id");

  collect(
    out,
    await fresh(base().where("status", "=", "completed").where("settled", "=", 0).where("settlement_due_at", "<=", opts.now))
      .orderBy("settlement_due_at", "asc")
      .limit(opts.limit)
      .execute(),
    opts.limit,
  );
  if (out.length >= opts.limit) return out;
  const changeable = await fresh(
    base().where((eb) => eb.or([eb("status", "=", "awaiting_payment"), eb.and([eb("status", "=", "completed"), eb("settled", "=", 0)])])),
  )
    .orderBy((eb) => eb.fn.coalesce("detail_at", eb.val("")), "asc")
    .orderBy("created_at", "desc")
    .limit(opts.limit * 2)
    .execute();
  collect(out, changeable, opts.limit);
  return out;
}

/**
 * Sales worth a `GET /sales/{id}` (DESIGN §2 enrichment): never-detailed first — paid in the last 30
 * days (upcoming and recent payouts), then affiliate sales, then older held payouts (`completed`), older
 * paid-out ones, the rest — each newest first; then paid sales whose status moved on since their last
 * detail (a settlement to learn). Held payouts can be a fifth of a store's paid history: putting all of
 * them first would keep this week's payouts unknown for hours at 10 requests a minute.
 */
export async function listSaleIdsNeedingDetail(db: Kysely<Database>, opts: { limit: number; now: string }): Promise<string[]> {
  if (opts.limit <= 0) return [];
  const recent = new Date(Date.parse(opts.now) - RECENT_MS).toISOString();
  const out: string[] = [];
  const never = () => db.selectFrom("sales").select("id").where("detail_at", "is", null);
  const buckets = [
    // Upcoming and recent payouts: what the Settlements page and the Next payout card show first.
    () => never().where("status", "in", ["completed", "settled"]).where("created_at", ">=", recent),
    () => never().where((eb) => eb.or([eb("store_affiliate_id", "is not", null), eb("channel", "=", "affiliate")])),
    // Older payouts still held (completed long after due: overdue), then older paid-out ones.
    () => never().where("status", "=", "completed"),
    () => never().where("status", "=", "settled"),
    () => never(),
    () =>
      db
        .selectFrom("sales")
        .select("id")
        .where("status", "in", ["completed", "settled"])
        .where("settlement_done_at", "is", null)
        .whereRef("source_at", ">", "detail_at"),
  ];
  for (const bucket of buckets) {
    const need = opts.limit - out.length;
    if (need <= 0) break;
    collect(out, await bucket().orderBy("created_at", "desc").limit(need + out.length).execute(), opts.limit);
  }
  return out;
}
