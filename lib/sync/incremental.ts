// Job 2, incremental refresh (DESIGN §2): re-reads the recent days by date filter (new sales and their
// status changes), then re-checks sales whose status can still change (awaiting_payment, completed
// not yet settled) by whichever costs fewer requests: one GET per sale, or status-filtered lists.
import "server-only";
import { z } from "zod";
import { walkSalesByDateWindows, type Sale, type SaleStatus } from "@/lib/chariow";
import { listSaleIdsNeedingRefresh, upsertSales } from "@/lib/mirror";
import { loadCheckpoint, saveCheckpoint } from "./checkpoints";
import { backgroundCall, daysBetween, iso, shiftDay, utcDay, type SyncContext } from "./context";

export interface IncrementalOptions {
  /** Days re-read every run, today included (default 2: awaiting_payment resolves within ~36 h). */
  recentDays?: number;
  /** Requests the status re-check may spend in one run (default 3 of the 10 a minute). */
  refreshRequests?: number;
  /**
   * First day to re-read ("YYYY-MM-DD"). While the backfill runs the engine passes the day after its
   * anchor: the backfill itself reads everything up to the anchor, so re-reading it would pay twice.
   */
  notBefore?: string;
}

const stateSchema = z.object({ lastCoveredDay: z.string().nullable() });

export interface IncrementalResult {
  requests: number;
  salesSeen: number;
  refreshed: number;
  refreshPath: "none" | "per_id" | "status_lists";
}

export async function runIncremental(ctx: SyncContext, options: IncrementalOptions = {}): Promise<IncrementalResult> {
  const state = (await loadCheckpoint(ctx.db, "incremental", stateSchema)) ?? { lastCoveredDay: null };
  const today = utcDay(ctx.clock.now());
  let from = shiftDay(today, -((options.recentDays ?? 2) - 1));
  // After downtime, start the day before the last covered one so nothing between is missed.
  if (state.lastCoveredDay && state.lastCoveredDay < from) from = shiftDay(state.lastCoveredDay, -1);
  if (options.notBefore && options.notBefore > from) from = options.notBefore;
  const result: IncrementalResult = { requests: 0, salesSeen: 0, refreshed: 0, refreshPath: "none" };
  const seen = new Set<string>();
  if (from <= today) await readRange(ctx, { from, to: today }, result, seen);
  // With `notBefore` the days before it were left to the backfill, which read them once, early: sales
  // created later on its anchor day were not in that read. So coverage is only claimed up to the
  // anchor, and the first run after the backfill starts the day before it.
  const covered = options.notBefore && shiftDay(options.notBefore, -1) < today ? shiftDay(options.notBefore, -1) : today;
  await saveCheckpoint(ctx.db, "incremental", { lastCoveredDay: covered }, ctx.clock.now());
  await refreshChangeable(ctx, options.refreshRequests ?? 3, seen, result);
  return result;
}

async function readRange(ctx: SyncContext, range: { from: string; to: string; status?: SaleStatus }, result: IncrementalResult, seen: Set<string>) {
  let page: Sale[] = [];
  const walk = walkSalesByDateWindows({
    listSales: ctx.client.listSales,
    from: range.from,
    to: range.to,
    windowDays: daysBetween(range.from, range.to),
    ...(range.status ? { status: range.status } : {}),
    callOptions: backgroundCall(ctx),
    onCheckpoint: async () => {
      result.requests++;
      if (page.length > 0) await upsertSales(ctx.db, page, { source: "list", receivedAt: iso(ctx.clock.now()), timeZone: ctx.timeZone });
      for (const s of page) seen.add(s.id);
      result.salesSeen += page.length;
      page = [];
      await ctx.guard();
    },
  });
  for await (const sale of walk) page.push(sale);
}

/**
 * Which is cheaper? A GET costs one request per sale and also brings the detail (settlement dates,
 * fees). A status-filtered list over the days those sales span costs one request per 100 sales of
 * that status in the span, whether they are ours or not, and only tells which still have the status:
 * the ones missing have changed and then need their GET anyway. Most re-checked sales have not changed
 * (held payouts stay `completed` for weeks), so lists win when their pages are well under the number
 * of sales; per-id wins for a few scattered sales (the usual case at 10 requests a minute).
 */
async function refreshChangeable(ctx: SyncContext, maxRequests: number, seen: Set<string>, result: IncrementalResult) {
  if (maxRequests <= 0) return;
  const candidates = (await listSaleIdsNeedingRefresh(ctx.db, { limit: 100, now: iso(ctx.clock.now()) })).filter((id) => !seen.has(id));
  if (candidates.length === 0) return;
  const rows = await ctx.db.selectFrom("sales").select(["id", "status", "created_at"]).where("id", "in", candidates).execute();
  const plan = await planStatusLists(ctx, rows);
  const useLists = plan !== null && plan.pages <= maxRequests && plan.pages * 2 < rows.length;
  let changed: string[];
  if (useLists && plan) {
    result.refreshPath = "status_lists";
    const listed = new Set<string>();
    for (const status of plan.statuses) await readRange(ctx, { from: plan.from, to: plan.to, status }, result, listed);
    result.refreshed += rows.filter((r) => listed.has(r.id)).length;
    changed = rows.filter((r) => !listed.has(r.id)).map((r) => r.id);
  } else {
    result.refreshPath = "per_id";
    changed = rows.map((r) => r.id);
  }
  const budgetLeft = maxRequests - (useLists && plan ? plan.pages : 0);
  const details: Sale[] = [];
  for (const id of changed.slice(0, Math.max(0, budgetLeft))) {
    details.push(await ctx.client.getSale(id, backgroundCall(ctx)));
    result.requests++;
    await ctx.guard();
  }
  if (details.length > 0) await upsertSales(ctx.db, details, { source: "detail", receivedAt: iso(ctx.clock.now()), timeZone: ctx.timeZone });
  result.refreshed += details.length;
}

/** The status lists covering `rows`, and their cost estimated from the mirror's own counts. */
async function planStatusLists(ctx: SyncContext, rows: Array<{ status: string; created_at: string | null }>) {
  const days = rows.map((r) => r.created_at?.slice(0, 10)).filter((d): d is string => !!d).sort();
  if (days.length !== rows.length || days.length === 0) return null; // an unknown date: per-id only
  const from = days[0];
  const to = days[days.length - 1];
  const statuses = [...new Set(rows.map((r) => r.status))] as SaleStatus[];
  let pages = 0;
  for (const status of statuses) {
    const row = await ctx.db
      .selectFrom("sales")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", status)
      .where("created_at", ">=", `${from}T00:00:00.000Z`)
      .where("created_at", "<", `${shiftDay(to, 1)}T00:00:00.000Z`)
      .executeTakeFirstOrThrow();
    pages += Math.max(1, Math.ceil(Number(row.n) / 100));
  }
  return { from, to, statuses, pages };
}
