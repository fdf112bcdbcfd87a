// Job 1, backfill (DESIGN §2): reads the whole sales history into the mirror, one date window at a
// time, newest first, with the checkpoint saved after every page so a crash or restart resumes at the
// next unread page. Finished windows are never read again; upserts are idempotent anyway.
import "server-only";
import { walkSalesByDateWindows, type Sale, type SalesWalkCheckpoint } from "@/lib/chariow";
import { upsertSales } from "@/lib/mirror";
import { loadCheckpoint, saveCheckpoint } from "./checkpoints";
import { backfillStateSchema, backfillWindow, windowCount, type BackfillRange, type BackfillState } from "./backfill-state";
import { backgroundCall, daysBetween, iso, shiftDay, utcDay, type SyncContext } from "./context";

export interface BackfillOptions {
  /** Days per window (default 30): fewer, fuller windows waste fewer partial pages. */
  windowDays?: number;
  /** Known first day of the store ("YYYY-MM-DD"): skips the search for the earliest sale. */
  startDate?: string;
  /** Lower bound of that search when no start date is configured. */
  searchFloor?: string;
  /** Pages (requests) this call may spend before returning, so other jobs get their turn. */
  maxRequests?: number;
}

export interface BackfillSliceResult {
  done: boolean;
  requests: number;
  salesSeen: number;
}

const DEFAULT_FLOOR = "2000-01-01";
const PER_PAGE = 100; // chariow-api.md §3: the maximum

/** Thrown from inside the walk's checkpoint callback to end a slice right after a saved page. */
class SliceEnd extends Error {}

export function newBackfillState(now: number, options: BackfillOptions): BackfillState {
  const anchor = utcDay(now);
  const floor = options.startDate ?? options.searchFloor ?? DEFAULT_FLOOR;
  return {
    v: 1,
    phase: options.startDate ? "walk" : "discover",
    anchor,
    windowDays: options.windowDays ?? 30,
    search: options.startDate ? null : { floor, lo: floor, hi: anchor, probes: 0 },
    earliest: options.startDate ?? null,
    windowsDone: 0,
    windowsTotal: options.startDate ? windowCount(anchor, options.startDate, options.windowDays ?? 30) : 0,
    current: null,
    salesSeen: 0,
    pagesRead: 0,
    requeue: [],
    startedAt: iso(now),
    finishedAt: null,
  };
}

export async function loadBackfillState(ctx: Pick<SyncContext, "db">): Promise<BackfillState | null> {
  return loadCheckpoint(ctx.db, "backfill", backfillStateSchema);
}

/**
 * Runs the backfill until it is done or has spent `maxRequests`. Returns early (state saved) when
 * the guard throws; the next call resumes from the saved checkpoint.
 */
export async function runBackfillSlice(ctx: SyncContext, options: BackfillOptions = {}): Promise<BackfillSliceResult> {
  const state = (await loadBackfillState(ctx)) ?? newBackfillState(ctx.clock.now(), options);
  const budget = { left: options.maxRequests ?? Number.POSITIVE_INFINITY, spent: 0 };
  const seenBefore = state.salesSeen;
  const save = () => saveCheckpoint(ctx.db, "backfill", state, ctx.clock.now());
  try {
    if (state.phase === "discover") await discoverEarliest(ctx, state, budget, save);
    if (state.phase === "walk") await walkWindows(ctx, state, budget, save);
    while (state.phase === "done" && state.requeue.length > 0) await walkRange(ctx, state, state.requeue[0], budget, save);
  } catch (error) {
    if (!(error instanceof SliceEnd)) throw error;
  }
  return { done: state.phase === "done" && state.requeue.length === 0, requests: budget.spent, salesSeen: state.salesSeen - seenBefore };
}

type Budget = { left: number; spent: number };

function spend(budget: Budget) {
  budget.left -= 1;
  budget.spent += 1;
}

/**
 * The earliest sale's day by binary search on "is there a sale created on or before day D?" (one
 * `per_page=1` request per probe): ~14 requests over 26 years, exact, and unlike "stop after N empty
 * windows" it cannot stop early at a gap in a store's history (a shop closed for a season).
 */
async function discoverEarliest(ctx: SyncContext, state: BackfillState, budget: Budget, save: () => Promise<void>) {
  const search = state.search;
  if (!search) throw new Error("backfill: discover phase without search bounds");
  while (search.lo < search.hi || search.probes === 0) {
    if (budget.left <= 0) throw new SliceEnd();
    // The first probe asks about the whole range: an empty store needs no more.
    const mid = search.probes === 0 ? search.hi : shiftDay(search.lo, Math.floor((daysBetween(search.lo, search.hi) - 1) / 2));
    const page = await ctx.client.listSales({ start_date: search.floor, end_date: mid, per_page: 1 }, backgroundCall(ctx));
    spend(budget);
    const found = page.items.length > 0;
    if (search.probes === 0 && !found) {
      state.earliest = null;
      state.phase = "done";
      state.finishedAt = iso(ctx.clock.now());
      search.probes++;
      return save();
    }
    if (search.probes > 0) {
      if (found) search.hi = mid;
      else search.lo = shiftDay(mid, 1);
    }
    search.probes++;
    await save();
    await ctx.guard();
  }
  state.earliest = search.hi;
  state.windowsTotal = windowCount(state.anchor, search.hi, state.windowDays);
  state.phase = "walk";
  await save();
}

async function walkWindows(ctx: SyncContext, state: BackfillState, budget: Budget, save: () => Promise<void>) {
  const earliest = state.earliest;
  if (earliest === null) throw new Error("backfill: walk phase without an earliest day");
  while (state.windowsDone < state.windowsTotal) {
    const w = backfillWindow(state, earliest, state.windowsDone);
    const resume = state.current && state.current.windowStart === w.windowStart && state.current.windowEnd === w.windowEnd ? state.current : null;
    await readWindow(ctx, w.windowStart, w.windowEnd, resume, budget, async (cp) => {
      state.current = cp.cursor === null ? null : cp;
      if (cp.cursor === null) state.windowsDone++;
    }, state, save);
  }
  state.phase = "done";
  state.finishedAt = iso(ctx.clock.now());
  await save();
}

async function walkRange(ctx: SyncContext, state: BackfillState, range: BackfillRange, budget: Budget, save: () => Promise<void>) {
  await readWindow(ctx, range.from, range.to, range.checkpoint, budget, async (cp) => {
    range.checkpoint = cp.cursor === null ? null : cp;
    if (cp.cursor === null) state.requeue.shift();
  }, state, save);
}

/** One window, page by page: upsert the page, then save the checkpoint, then check the guard. */
async function readWindow(
  ctx: SyncContext,
  from: string,
  to: string,
  resume: SalesWalkCheckpoint | null,
  budget: Budget,
  advance: (cp: SalesWalkCheckpoint) => Promise<void>,
  state: BackfillState,
  save: () => Promise<void>,
) {
  if (budget.left <= 0) throw new SliceEnd();
  let page: Sale[] = [];
  const walk = walkSalesByDateWindows({
    listSales: ctx.client.listSales,
    from,
    to,
    windowDays: daysBetween(from, to),
    perPage: PER_PAGE,
    checkpoint: resume,
    callOptions: backgroundCall(ctx),
    onCheckpoint: async (cp) => {
      spend(budget);
      if (page.length > 0) {
        await upsertSales(ctx.db, page, { source: "list", receivedAt: iso(ctx.clock.now()), timeZone: ctx.timeZone });
      }
      state.salesSeen += page.length;
      state.pagesRead += 1;
      page = [];
      await advance(cp);
      await save();
      await ctx.guard();
      if (budget.left <= 0 && cp.cursor !== null) throw new SliceEnd();
    },
  });
  for await (const sale of walk) page.push(sale);
}

/** Adds ranges to re-read (reconciliation drift); the backfill walks them after its main walk. */
export async function requeueBackfillRanges(ctx: Pick<SyncContext, "db" | "clock">, ranges: Array<{ from: string; to: string }>, options: BackfillOptions = {}) {
  const state = (await loadBackfillState(ctx)) ?? newBackfillState(ctx.clock.now(), options);
  for (const r of ranges) {
    if (!state.requeue.some((q) => q.from === r.from && q.to === r.to)) state.requeue.push({ ...r, checkpoint: null });
  }
  await saveCheckpoint(ctx.db, "backfill", state, ctx.clock.now());
}
