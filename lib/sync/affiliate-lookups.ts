// Job 6, affiliate lookups (issue 16): an affiliate the store knows only from a sale has a referral code
// but no name or status (sale details and Pulses name the affiliate, not who they are — chariow-api.md §5,
// §6), so the Affiliates page showed "—". This job asks `GET /affiliates/{code}` for them, at the LOWEST
// priority: only with what is left of the budget after the other jobs and a reserve for people (none while
// anything else is queued), at most a few per run, each call "low" in the scheduler (served after every
// other call, never waiting for the budget). Each code's last lookup is kept (sync_checkpoints
// "affiliates"): never asked again within 15 minutes; a code Chariow does not know, or a failed call,
// waits longer each time (15 min, 30 min, 1 h… up to a day); a found one that still lacks a name (Chariow
// gave only a pseudo) is asked again daily. An affiliate known only by an id (a sale without any code)
// cannot be looked up: the endpoint takes a code, so it waits for a Pulse or a sale that gives one, or a
// lookup typed on the page.
import "server-only";
import { z } from "zod";
import { ChariowBadRequestError, ChariowMalformedResponseError, ChariowNotFoundError, ChariowRateLimitedError, ChariowUpstreamUnavailableError, isEndpointUnavailable } from "@/lib/chariow";
import { upsertAffiliate } from "@/lib/mirror/affiliates";
import { loadCheckpoint, saveCheckpoint } from "./checkpoints";
import { iso, type SyncContext } from "./context";
import { leftoverBudget } from "./enrichment";

/** No code is looked up again sooner than this (issue 21's affiliate pages rely on it too). */
export const AFFILIATE_LOOKUP_MIN_INTERVAL_MS = 15 * 60_000;
/** The longest wait: a found affiliate still incomplete, or a code failing again and again. */
export const AFFILIATE_LOOKUP_MAX_INTERVAL_MS = 24 * 3600_000;
/** Codes remembered at most (the oldest lookups are forgotten first). */
const MAX_ENTRIES = 5_000;

const entrySchema = z.object({
  /** When the code was last asked (ISO). */
  at: z.string(),
  outcome: z.enum(["found", "not_found", "failed"]),
  /** Lookups in a row that did not find the affiliate (not found or failed). */
  failures: z.number().int().min(0),
});
const stateSchema = z.object({ lookups: z.record(z.string(), entrySchema) });
export type AffiliateLookupEntry = z.infer<typeof entrySchema>;

export interface AffiliateLookupsOptions {
  /** Lookups in one run at most (default 3). */
  maxPerRun?: number;
  /** Requests always left in the window for people and the other jobs (default 5, above enrichment's 3). */
  reserve?: number;
}

export interface AffiliateLookupsResult {
  requests: number;
  found: number;
  notFound: number;
  failed: number;
  /** Codes that were due but left for a later run (budget, cap). */
  left: number;
}

/** When a code may be asked again after `entry`. */
export function nextAffiliateLookupAt(entry: AffiliateLookupEntry): number {
  const at = Date.parse(entry.at);
  if (entry.outcome === "found") return at + AFFILIATE_LOOKUP_MAX_INTERVAL_MS;
  const backoff = AFFILIATE_LOOKUP_MIN_INTERVAL_MS * 2 ** Math.max(0, entry.failures - 1);
  return at + Math.min(AFFILIATE_LOOKUP_MAX_INTERVAL_MS, backoff);
}

/** Every code's last background lookup (empty when none was made). */
export async function loadAffiliateLookups(ctx: Pick<SyncContext, "db">): Promise<Record<string, AffiliateLookupEntry>> {
  return (await loadCheckpoint(ctx.db, "affiliates", stateSchema))?.lookups ?? {};
}

/** The affiliates known by a code but missing their name or status, due for a lookup, oldest need first. */
async function dueCodes(ctx: SyncContext, lookups: Record<string, AffiliateLookupEntry>, now: number): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom("affiliates")
    .select(["code", "first_seen_at"])
    .where("code", "is not", null)
    .where((eb) => eb.or([eb("name", "is", null), eb("status", "is", null)]))
    .orderBy("first_seen_at")
    .orderBy("code")
    .execute();
  const due = rows.map((r) => r.code!).filter((code) => !lookups[code] || nextAffiliateLookupAt(lookups[code]) <= now);
  // Never asked first (in the order they were met), then the longest waiting.
  const lastAt = (code: string) => (lookups[code] ? Date.parse(lookups[code].at) : -Infinity);
  return due
    .map((code, i) => ({ code, i }))
    .sort((a, b) => lastAt(a.code) - lastAt(b.code) || a.i - b.i)
    .map((x) => x.code);
}

export async function runAffiliateLookups(ctx: SyncContext, options: AffiliateLookupsOptions = {}): Promise<AffiliateLookupsResult> {
  const maxPerRun = options.maxPerRun ?? 3;
  const reserve = options.reserve ?? 5;
  const result: AffiliateLookupsResult = { requests: 0, found: 0, notFound: 0, failed: 0, left: 0 };
  const lookups = await loadAffiliateLookups(ctx);
  const due = await dueCodes(ctx, lookups, ctx.clock.now());
  result.left = due.length;
  const save = () => saveCheckpoint(ctx.db, "affiliates", { lookups: trimmed(lookups) }, ctx.clock.now());
  for (const code of due.slice(0, maxPerRun)) {
    // Checked before every call: a person or another job that came meanwhile goes first.
    if (leftoverBudget(ctx, reserve) <= 0) break;
    const at = iso(ctx.clock.now());
    const previous = lookups[code];
    try {
      const affiliate = await ctx.client.getAffiliate(code, { priority: "low", ...(ctx.signal ? { signal: ctx.signal } : {}) });
      // What the lookup says fills the row; where the store met them (a sale) stays its source.
      await upsertAffiliate(ctx.db, affiliate, "lookup", at, { keepSource: true });
      lookups[code] = { at, outcome: "found", failures: 0 };
      result.found++;
    } catch (error) {
      // Budget gone (a person came, a 429): not the code's fault, it stays due; the next run tries again.
      if (error instanceof ChariowRateLimitedError) break;
      const notFound = error instanceof ChariowNotFoundError;
      // A 404 is this code unknown to Chariow; a bad or unreadable answer is this code failing. Anything
      // else — the key refused, no such endpoint for this store (403/501), the engine stopping — fails the
      // job as a whole, which backs off (lib/sync/engine.ts).
      const codeFailed = error instanceof ChariowUpstreamUnavailableError || error instanceof ChariowMalformedResponseError || error instanceof ChariowBadRequestError;
      if (!notFound && !(codeFailed && !isEndpointUnavailable(error))) throw error;
      lookups[code] = { at, outcome: notFound ? "not_found" : "failed", failures: (previous?.failures ?? 0) + 1 };
      if (notFound) result.notFound++;
      else result.failed++;
    }
    result.requests++;
    result.left--;
    await save();
    await ctx.guard();
  }
  return result;
}

/** At most MAX_ENTRIES codes, the most recently asked kept. */
function trimmed(lookups: Record<string, AffiliateLookupEntry>): Record<string, AffiliateLookupEntry> {
  const entries = Object.entries(lookups);
  if (entries.length <= MAX_ENTRIES) return lookups;
  return Object.fromEntries(entries.sort((a, b) => b[1].at.localeCompare(a[1].at)).slice(0, MAX_ENTRIES));
}
