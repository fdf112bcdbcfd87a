// The backfill's persisted state and its window arithmetic: windows are anchored at the day the
// backfill started and go back in time (newest first, so recent months are usable soonest).
import "server-only";
import { z } from "zod";
import { daysBetween, shiftDay } from "./context";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const walkCheckpoint = z.object({ windowStart: day, windowEnd: day, cursor: z.string().nullable() });
const range = z.object({ from: day, to: day, checkpoint: walkCheckpoint.nullable() });

export const backfillStateSchema = z.object({
  v: z.literal(1),
  phase: z.enum(["discover", "walk", "done"]),
  /** Newest day covered (UTC); later days are the incremental job's. */
  anchor: day,
  windowDays: z.number().int().positive(),
  /** Binary search for the earliest sale's day: the answer is in [lo, hi]. */
  search: z.object({ floor: day, lo: day, hi: day, probes: z.number().int() }).nullable(),
  /** Day of the earliest sale; null while unknown, or when the store has no sale at all. */
  earliest: day.nullable(),
  windowsDone: z.number().int(),
  windowsTotal: z.number().int(),
  current: walkCheckpoint.nullable(),
  salesSeen: z.number().int(),
  pagesRead: z.number().int(),
  /** Ranges to read again (reconciliation found drift there), after the main walk. */
  requeue: z.array(range),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BackfillState = z.infer<typeof backfillStateSchema>;
export type BackfillRange = z.infer<typeof range>;

/** Window `index` (0 = newest): inclusive days, clipped at the earliest sale's day. */
export function backfillWindow(state: Pick<BackfillState, "anchor" | "windowDays">, earliest: string, index: number) {
  const windowEnd = shiftDay(state.anchor, -index * state.windowDays);
  const start = shiftDay(windowEnd, -(state.windowDays - 1));
  return { windowStart: start < earliest ? earliest : start, windowEnd };
}

export function windowCount(anchor: string, earliest: string, windowDays: number): number {
  return Math.ceil(daysBetween(earliest, anchor) / windowDays);
}
