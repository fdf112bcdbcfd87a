// Walking Chariow lists: cursor iteration that cannot loop (chariow-api.md §3), and a date-windowed,
// resumable walk of sales history that never relies on the (undocumented) cursor order.
import "server-only";
import type { CallOptions } from "./client";
import type { SalesListParams } from "./params";
import type { Page } from "./schemas/common";
import type { Sale } from "./schemas/sale";

type ListFn<T, P> = (params?: P, opts?: CallOptions) => Promise<Page<T>>;

/** Pages of a list until `has_more` is false, `next_cursor` is null, or a cursor comes back again. */
export async function* paginatePages<T, P extends { cursor?: string }>(
  listFn: ListFn<T, P>,
  params: NoInfer<P>,
  opts?: CallOptions,
): AsyncGenerator<Page<T>> {
  const seen = new Set<string>();
  let cursor = params.cursor;
  if (cursor) seen.add(cursor);
  for (;;) {
    const page = await listFn({ ...params, cursor }, opts);
    yield page;
    const next = page.nextCursor;
    if (!page.hasMore || next === null || seen.has(next)) return;
    seen.add(next);
    cursor = next;
  }
}

/** Items of a list, page after page (see `paginatePages` for when it stops). */
export async function* paginate<T, P extends { cursor?: string }>(listFn: ListFn<T, P>, params: NoInfer<P>, opts?: CallOptions): AsyncGenerator<T> {
  for await (const page of paginatePages(listFn, params, opts)) yield* page.items;
}

export interface SalesWalkCheckpoint {
  /** Y-m-d, inclusive. */
  windowStart: string;
  windowEnd: string;
  /** Cursor of the next page in this window; null when the window is finished. */
  cursor: string | null;
}

export interface SalesWalkOptions {
  listSales: ListFn<Sale, SalesListParams>;
  /** Y-m-d, inclusive (day granularity on the creation date, treated as UTC: §1). */
  from: string;
  to: string;
  windowDays: number;
  perPage?: number;
  status?: SalesListParams["status"];
  /** Newest window first (default) so recent days are available soonest. */
  order?: "newest-first" | "oldest-first";
  checkpoint?: SalesWalkCheckpoint | null;
  /** Called after every page, once the consumer has taken all of that page's sales. */
  onCheckpoint?: (checkpoint: SalesWalkCheckpoint) => void | Promise<void>;
  callOptions?: CallOptions;
}

const DAY_MS = 86_400_000;
const ymdToMs = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`);
const msToYmd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Disjoint inclusive windows covering [from, to], oldest first. */
export function dateWindows(from: string, to: string, windowDays: number): Array<{ windowStart: string; windowEnd: string }> {
  const start = ymdToMs(from);
  const end = ymdToMs(to);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || Number.isNaN(start) || Number.isNaN(end)) {
    throw new RangeError("from and to must be Y-m-d dates");
  }
  if (end < start) throw new RangeError("to is before from");
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError("windowDays must be a positive integer");
  const windows: Array<{ windowStart: string; windowEnd: string }> = [];
  for (let s = start; s <= end; s += windowDays * DAY_MS) {
    windows.push({ windowStart: msToYmd(s), windowEnd: msToYmd(Math.min(end, s + (windowDays - 1) * DAY_MS)) });
  }
  return windows;
}

/**
 * Sales created in [from, to], window by window (`start_date`/`end_date`), resumable from a
 * checkpoint. A repeated cursor ends its window, never the walk.
 */
export async function* walkSalesByDateWindows(options: SalesWalkOptions): AsyncGenerator<Sale> {
  let windows = dateWindows(options.from, options.to, options.windowDays);
  if ((options.order ?? "newest-first") === "newest-first") windows = windows.reverse();
  let startIndex = 0;
  let cursor: string | undefined;
  const cp = options.checkpoint;
  if (cp) {
    startIndex = windows.findIndex((w) => w.windowStart === cp.windowStart && w.windowEnd === cp.windowEnd);
    if (startIndex < 0) throw new RangeError("The checkpoint does not belong to this walk (from/to/windowDays changed)");
    if (cp.cursor === null) startIndex += 1;
    else cursor = cp.cursor;
  }
  for (let i = startIndex; i < windows.length; i++) {
    const w = windows[i];
    const seen = new Set<string>(cursor ? [cursor] : []);
    for (;;) {
      const params: SalesListParams = {
        start_date: w.windowStart,
        end_date: w.windowEnd,
        per_page: options.perPage ?? 100,
        ...(options.status ? { status: options.status } : {}),
        ...(cursor ? { cursor } : {}),
      };
      const page = await options.listSales(params, options.callOptions);
      yield* page.items;
      const next = page.nextCursor;
      const finished = !page.hasMore || next === null || seen.has(next);
      await options.onCheckpoint?.({ windowStart: w.windowStart, windowEnd: w.windowEnd, cursor: finished ? null : next });
      if (finished) break;
      seen.add(next);
      cursor = next;
    }
    cursor = undefined;
  }
}
