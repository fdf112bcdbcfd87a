// Job 5, licences (issue 9): walks GET /licenses (chariow-api.md §7) into the mirror so the licences
// view is complete even for sales never enriched (post_purchase licences come only with the detail).
// Background priority, resumable per page, and run rarely: once the backfill is done (the sales come
// first), then daily; licence Pulses keep it current in between (§8).
import "server-only";
import { z } from "zod";
import { paginatePages } from "@/lib/chariow";
import { UNKNOWN_SALE, upsertSaleLicences } from "@/lib/mirror";
import { loadBackfillState } from "./backfill";
import { loadCheckpoint, saveCheckpoint } from "./checkpoints";
import { backgroundCall, iso, type SyncContext } from "./context";

const stateSchema = z.object({
  /** Cursor of the next page of the pass in progress; null when a pass starts from the first page. */
  cursor: z.string().nullable(),
  inPass: z.boolean(),
  passStartedAt: z.string().nullable(),
  lastPassAt: z.string().nullable(),
  /** Licences read in the pass in progress, then in the last one (shown in docs/settings as coverage). */
  seen: z.number().int(),
  lastPassSeen: z.number().int().nullable(),
});
type LicencesSyncState = z.infer<typeof stateSchema>;

export interface LicencesSyncResult {
  requests: number;
  licencesSeen: number;
  passDone: boolean;
}

const fresh = (): LicencesSyncState => ({ cursor: null, inPass: false, passStartedAt: null, lastPassAt: null, seen: 0, lastPassSeen: null });

export async function loadLicencesSyncState(ctx: Pick<SyncContext, "db">): Promise<LicencesSyncState | null> {
  return loadCheckpoint(ctx.db, "licences", stateSchema);
}

/** True when a pass is in progress, or none has run yet, or the last one is `everyMs` old. */
export async function licencesSyncDue(ctx: Pick<SyncContext, "db" | "clock">, everyMs: number): Promise<boolean> {
  const state = await loadLicencesSyncState(ctx);
  if (!state || state.inPass || !state.lastPassAt) return true;
  return ctx.clock.now() - Date.parse(state.lastPassAt) >= everyMs;
}

/**
 * Reads at most `maxRequests` pages of /licenses, saving the cursor after each page. Does nothing until
 * the sales backfill is done unless `ignoreBackfill` (tests, or a store without history to read).
 */
export async function runLicencesSlice(ctx: SyncContext, maxRequests = Number.POSITIVE_INFINITY, opts: { ignoreBackfill?: boolean } = {}): Promise<LicencesSyncResult> {
  const result: LicencesSyncResult = { requests: 0, licencesSeen: 0, passDone: false };
  if (!opts.ignoreBackfill) {
    const backfill = await loadBackfillState(ctx);
    if (!backfill || backfill.phase !== "done") return result;
  }
  const state = (await loadLicencesSyncState(ctx)) ?? fresh();
  if (!state.inPass) Object.assign(state, { inPass: true, cursor: null, seen: 0, passStartedAt: iso(ctx.clock.now()) });
  const save = () => saveCheckpoint(ctx.db, "licences", state, ctx.clock.now());
  const pages = paginatePages(ctx.client.listLicenses, { per_page: 100, ...(state.cursor ? { cursor: state.cursor } : {}) }, backgroundCall(ctx));
  for await (const page of pages) {
    result.requests++;
    const at = iso(ctx.clock.now());
    // One upsert per sale named (most pages name a different sale per licence); unknown sale kept apart.
    const bySale = new Map<string, typeof page.items>();
    for (const l of page.items) {
      const sale = l.saleId ?? UNKNOWN_SALE;
      bySale.set(sale, [...(bySale.get(sale) ?? []), l]);
    }
    await ctx.db.transaction().execute(async (trx) => {
      for (const [saleId, licences] of bySale) await upsertSaleLicences(trx, saleId, licences, at);
    });
    result.licencesSeen += page.items.length;
    state.seen += page.items.length;
    const more = page.hasMore && page.nextCursor !== null && page.nextCursor !== state.cursor;
    state.cursor = more ? page.nextCursor : null;
    if (!more) break;
    await save();
    await ctx.guard();
    if (result.requests >= maxRequests) return result;
  }
  Object.assign(state, { inPass: false, cursor: null, lastPassAt: iso(ctx.clock.now()), lastPassSeen: state.seen, passStartedAt: null });
  await save();
  result.passDone = true;
  return result;
}
