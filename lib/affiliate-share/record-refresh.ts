// The Chariow record behind an affiliate's page (status, commission rate; chariow-api.md §6 GET
// /affiliates/{code}) is refreshed when the page is visited — at background priority on the shared API
// budget (a merchant's own clicks go first), and at most once every 15 minutes per affiliate whatever the
// number of visitors and instances: the instance whose conditional upsert claims the affiliate asks, the
// others read the mirror as it is. The page never waits for it; its live island shows the new record.
import "server-only";
import type { Kysely } from "kysely";
import { ChariowNotFoundError, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db/schema";
import { upsertAffiliate } from "@/lib/mirror/affiliates";
import { STORE_ID } from "./links";

export const RECORD_REFRESH_MS = 15 * 60_000;

/** Claims the affiliate's refresh for this window: true for exactly one caller per 15 minutes. */
export async function claimRecordRefresh(db: Kysely<Database>, code: string, now = new Date()): Promise<boolean> {
  const cutoff = new Date(now.getTime() - RECORD_REFRESH_MS).toISOString();
  const claimed = await db
    .insertInto("affiliate_record_refresh")
    .values({ store_id: STORE_ID, affiliate_code: code, claimed_at: now.toISOString() })
    .onConflict((oc) => oc.columns(["store_id", "affiliate_code"]).doUpdateSet({ claimed_at: now.toISOString() }).where("affiliate_record_refresh.claimed_at", "<=", cutoff))
    .returning("affiliate_code")
    .executeTakeFirst();
  return claimed !== undefined;
}

/** Refreshes the record if this caller wins the claim; "skipped" otherwise. Never throws (logged). */
export async function refreshAffiliateRecord(db: Kysely<Database>, client: ChariowClient, code: string, now = new Date()): Promise<"refreshed" | "skipped" | "gone" | "failed"> {
  try {
    if (!(await claimRecordRefresh(db, code, now))) return "skipped";
    const a = await client.getAffiliate(code, { priority: "background" });
    await upsertAffiliate(db, a, "lookup", new Date().toISOString());
    return "refreshed";
  } catch (e) {
    if (e instanceof ChariowNotFoundError) return "gone";
    console.warn(`[affiliate-page] record refresh for one affiliate failed: ${e instanceof Error ? e.name : "error"}`);
    return "failed";
  }
}
