// Lookup by referral code (chariow-api.md §6 GET /affiliates/{code}): both shapes are parsed by the
// client; the code is URL-encoded as one path segment there, so spaces or slashes can never change the
// path. An unknown code is an answer ("no affiliate with this code"), not an error. Answers — found or
// not — are cached for a few minutes per process to spare the API budget; `refresh` bypasses the cache.
// A found affiliate is recorded in the mirror (source "lookup"), which also marks a matching invitation
// accepted (lib/affiliates/invitations.ts).
import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import { ChariowNotFoundError, type Affiliate, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertAffiliate } from "@/lib/mirror/affiliates";

export const LOOKUP_CACHE_TTL_MS = 5 * 60_000;

/** A referral code as typed: trimmed, 1–100 characters, no control characters. Case is kept. */
export const affiliateCodeSchema = z
  .string()
  .trim()
  .min(1, "Enter a referral code")
  .max(100, "A referral code is at most 100 characters")
   
  .refine((s) => !/[\x00-\x1f\x7f]/.test(s), "A referral code cannot contain control characters");

export type AffiliateView = {
  code: string | null;
  name: string | null;
  email: string | null;
  status: string | null;
  /** The seed's validity check: only an active affiliate's code is valid. */
  valid: boolean;
  commissionRatePercent: number | null;
  referrals: number | null;
  sales: number | null;
  earnings: { minor: number; currency: string } | null;
  visits: number | null;
  firstVisitAt: string | null;
  lastVisitAt: string | null;
  suspendedAt: string | null;
  suspendedReason: string | null;
  joinedAt: string | null;
};

type LookupAnswer =
  | { found: true; code: string; affiliate: AffiliateView; fetchedAt: string }
  | { found: false; code: string; message: string; fetchedAt: string };
export type LookupResult = LookupAnswer & { cached: boolean };

export function affiliateView(a: Affiliate): AffiliateView {
  return {
    code: a.code,
    name: a.name ?? a.pseudo,
    email: a.email,
    status: a.status,
    valid: a.status === "active",
    commissionRatePercent: a.commissionRatePercent,
    referrals: a.totalReferrals,
    sales: a.totalSales,
    earnings: a.totalEarnings ? { minor: a.totalEarnings.minor, currency: a.totalEarnings.currency } : null,
    visits: a.totalVisits,
    firstVisitAt: a.firstVisitAt,
    lastVisitAt: a.lastVisitAt,
    suspendedAt: a.suspendedAt,
    suspendedReason: a.suspendedReason,
    joinedAt: a.joinedAt ?? a.createdAt,
  };
}

type Entry = { at: number; result: LookupAnswer };

export type LookupCache = { get(code: string): Entry | undefined; set(code: string, e: Entry): void; clear(): void };

export function createLookupCache(): LookupCache {
  const map = new Map<string, Entry>();
  return {
    get: (code) => map.get(code),
    set: (code, e) => {
      map.set(code, e);
      if (map.size > 1000) map.delete(map.keys().next().value as string);
    },
    clear: () => map.clear(),
  };
}

const processCache = createLookupCache();

export const NO_AFFILIATE_MESSAGE = "No affiliate with this code";

export async function lookupAffiliate(
  db: Kysely<Database>,
  client: ChariowClient,
  rawCode: string,
  opts: { refresh?: boolean; cache?: LookupCache; now?: () => number; ttlMs?: number } = {},
): Promise<LookupResult> {
  const code = affiliateCodeSchema.parse(rawCode);
  const cache = opts.cache ?? processCache;
  const now = opts.now?.() ?? Date.now();
  const hit = cache.get(code);
  if (!opts.refresh && hit && now - hit.at < (opts.ttlMs ?? LOOKUP_CACHE_TTL_MS)) return { ...hit.result, cached: true };
  const fetchedAt = new Date(now).toISOString();
  let result: LookupAnswer;
  try {
    const a = await client.getAffiliate(code, { priority: "interactive" });
    await upsertAffiliate(db, a, "lookup", fetchedAt);
    result = { found: true, code, affiliate: affiliateView(a), fetchedAt };
  } catch (e) {
    if (!(e instanceof ChariowNotFoundError)) throw e;
    result = { found: false, code, message: NO_AFFILIATE_MESSAGE, fetchedAt };
  }
  cache.set(code, { at: now, result });
  return { ...result, cached: false };
}
