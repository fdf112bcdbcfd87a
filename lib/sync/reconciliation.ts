// Job 4, reconciliation (DESIGN §2): counts the API's sales per UTC month and status and compares them
// with the mirror's, records the drift, and queues drifted months for a re-read by the backfill.
// The API has no count endpoint (chariow-api.md §2), so counting means reading: each month is walked
// once WITHOUT a status filter and counted per status from the items — the same numbers as one walk
// per status, for fewer requests (no empty status pages). Resumable per page; run rarely (daily).
import "server-only";
import { z } from "zod";
import { SALE_STATUSES, walkSalesByDateWindows } from "@/lib/chariow";
import { mirrorCountsByStatusAndMonth } from "@/lib/mirror";
import { loadBackfillState, requeueBackfillRanges } from "./backfill";
import { loadCheckpoint, saveCheckpoint } from "./checkpoints";
import { backgroundCall, iso, shiftDay, utcDay, type SyncContext } from "./context";

const stateSchema = z.object({
  /** Months of this pass, newest first ("YYYY-MM"); null between passes. */
  months: z.array(z.string()).nullable(),
  index: z.number().int(),
  cursor: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  lastPassAt: z.string().nullable(),
  driftedMonths: z.number().int(),
  passStartedAt: z.string().nullable().default(null),
  lastPassMs: z.number().nullable().default(null),
});
type ReconciliationState = z.infer<typeof stateSchema>;

class SliceEnd extends Error {}

export interface ReconciliationResult {
  requests: number;
  monthsChecked: number;
  driftedMonths: number;
  passDone: boolean;
}

function monthsBetween(fromDay: string, toDay: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(fromDay.slice(0, 4)), Number(fromDay.slice(5, 7))];
  const end = toDay.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push(month);
    if (month >= end) break;
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out.reverse();
}

function monthRange(month: string): { from: string; to: string } {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { from: `${month}-01`, to: shiftDay(next, -1) };
}

/**
 * True when a pass is in progress or the next one is due: `everyMs` after the last, but never sooner
 * than 4× the last pass's duration. A pass re-reads the whole history (1,000,000 sales = 10,000
 * requests, ~17 h at 10 a minute), so a big store is reconciled less often than daily and the pass
 * never takes more than a fifth of the budget. The first pass counts from the end of the backfill,
 * which has just read every page: re-reading them at once would find nothing and hold back the
 * enrichment (fees, settlements) the merchant is waiting for; the backfill's duration stands for a pass's.
 */
export async function reconciliationDue(ctx: Pick<SyncContext, "db" | "clock">, everyMs: number): Promise<boolean> {
  const state = await loadCheckpoint(ctx.db, "reconciliation", stateSchema);
  if (state?.months) return true;
  if (state?.lastPassAt) return ctx.clock.now() - Date.parse(state.lastPassAt) >= Math.max(everyMs, 4 * (state.lastPassMs ?? 0));
  const backfill = await loadBackfillState(ctx);
  if (!backfill?.finishedAt) return true; // nothing to count from (the slice itself waits for the backfill)
  const backfillMs = Date.parse(backfill.finishedAt) - Date.parse(backfill.startedAt);
  return ctx.clock.now() - Date.parse(backfill.finishedAt) >= Math.max(everyMs, 4 * backfillMs);
}

export async function runReconciliationSlice(ctx: SyncContext, maxRequests = Number.POSITIVE_INFINITY): Promise<ReconciliationResult> {
  const result: ReconciliationResult = { requests: 0, monthsChecked: 0, driftedMonths: 0, passDone: false };
  const backfill = await loadBackfillState(ctx);
  if (!backfill || backfill.phase !== "done" || backfill.earliest === null) return result;
  const state: ReconciliationState = (await loadCheckpoint(ctx.db, "reconciliation", stateSchema)) ?? {
    months: null, index: 0, cursor: null, counts: {}, lastPassAt: null, driftedMonths: 0, passStartedAt: null, lastPassMs: null,
  };
  if (!state.months) {
    const months = monthsBetween(backfill.earliest, utcDay(ctx.clock.now()));
    Object.assign(state, { months, index: 0, cursor: null, counts: {}, driftedMonths: 0, passStartedAt: iso(ctx.clock.now()) });
  }
  const months = state.months ?? [];
  const save = () => saveCheckpoint(ctx.db, "reconciliation", state, ctx.clock.now());
  while (state.index < months.length) {
    if (result.requests >= maxRequests) return result;
    const month = months[state.index];
    const { from, to } = monthRange(month);
    const walk = walkSalesByDateWindows({
      listSales: ctx.client.listSales,
      from, to, windowDays: 31, perPage: 100,
      checkpoint: state.cursor ? { windowStart: from, windowEnd: to, cursor: state.cursor } : null,
      callOptions: backgroundCall(ctx),
      onCheckpoint: async (cp) => {
        result.requests++;
        state.cursor = cp.cursor;
        await save();
        await ctx.guard();
        // Ends the slice right after a saved page, before the next one is requested.
        if (cp.cursor !== null && result.requests >= maxRequests) throw new SliceEnd();
      },
    });
    try {
      for await (const sale of walk) state.counts[sale.status] = (state.counts[sale.status] ?? 0) + 1;
    } catch (error) {
      if (error instanceof SliceEnd) return result;
      throw error;
    }
    if (await recordMonth(ctx, month, state.counts)) {
      state.driftedMonths++;
      result.driftedMonths++;
      await requeueBackfillRanges(ctx, [{ from, to }]);
    }
    result.monthsChecked++;
    Object.assign(state, { index: state.index + 1, cursor: null, counts: {} });
    await save();
  }
  const passMs = state.passStartedAt ? ctx.clock.now() - Date.parse(state.passStartedAt) : null;
  Object.assign(state, { months: null, index: 0, lastPassAt: iso(ctx.clock.now()), lastPassMs: passMs, passStartedAt: null });
  await save();
  result.passDone = true;
  return result;
}

/** Writes the month's drift rows (only statuses that differ); true when the month drifted. */
async function recordMonth(ctx: SyncContext, month: string, apiCounts: Record<string, number>): Promise<boolean> {
  const mirror = (await mirrorCountsByStatusAndMonth(ctx.db)).filter((r) => r.month === month);
  const checkedAt = iso(ctx.clock.now());
  await ctx.db.deleteFrom("reconciliation_drift").where("month", "=", month).execute();
  let drifted = false;
  for (const status of new Set<string>([...SALE_STATUSES, ...mirror.map((r) => r.status)])) {
    const api = apiCounts[status] ?? 0;
    const local = mirror.find((r) => r.status === status)?.count ?? 0;
    if (api === local) continue;
    drifted = true;
    await ctx.db.insertInto("reconciliation_drift").values({ month, status, api_count: api, mirror_count: local, checked_at: checkedAt, requeued: 1 }).execute();
  }
  return drifted;
}
