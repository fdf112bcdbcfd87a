// A visit to an affiliate's page or its live JSON (issue 21): rate limited per token and per address
// before anything else, then the token resolved. Limits: 120 requests a minute per token (the live island
// asks every 5 s: 12 a minute per open tab) and 300 per address (several affiliates behind one network).
// The buckets are keyed by the token's hash and the address, so an unknown token is counted like a real
// one and guessing costs the same budget as visiting.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { hitRateLimit } from "@/lib/http/public-rate-limit";
import { resolveShareToken, type ShareLink } from "./links";
import { hashToken } from "./tokens";

export const PER_TOKEN_PER_MINUTE = 120;
export const PER_ADDRESS_PER_MINUTE = 300;

export type VisitOutcome = { kind: "ok"; link: ShareLink } | { kind: "not_found" } | { kind: "throttled"; retryAfterSeconds: number };

export async function openShareLink(db: Kysely<Database>, token: string, ip: string | undefined, now = new Date()): Promise<VisitOutcome> {
  const byToken = await hitRateLimit(db, `affiliate-page:t:${hashToken(token)}`, PER_TOKEN_PER_MINUTE, 60_000, now);
  const byAddress = await hitRateLimit(db, `affiliate-page:ip:${ip ?? "unknown"}`, PER_ADDRESS_PER_MINUTE, 60_000, now);
  if (!byToken.allowed || !byAddress.allowed) return { kind: "throttled", retryAfterSeconds: Math.max(byToken.allowed ? 0 : byToken.retryAfterSeconds, byAddress.allowed ? 0 : byAddress.retryAfterSeconds) };
  const link = await resolveShareToken(db, token, now);
  return link ? { kind: "ok", link } : { kind: "not_found" };
}
