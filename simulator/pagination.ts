// Keyset cursor pagination over an index space, newest (highest index) first. The cursor names the
// last item's index, so new items (always appended at the top) and status changes never make a
// walk skip or repeat an item (chariow-api.md §3). Cursors are base64 JSON like `eyJpZCI6NTB9`.

export interface CursorPosition {
  id: number;
  /** false for a prev_cursor: it points at newer items. */
  next: boolean;
}

export function encodeCursor(c: CursorPosition): string {
  const json = c.next ? JSON.stringify({ id: c.id }) : JSON.stringify({ id: c.id, _pointsToNextItems: false });
  // base64url without padding: seeds' loops paste the cursor into the URL unencoded (seed 001), so it
  // must not contain `+`, `/` or `=`. `{"id":50}` still encodes to the documented `eyJpZCI6NTB9`.
  return Buffer.from(json, "utf8").toString("base64url");
}

/** null when the cursor is not one we issued (the route answers 400). */
export function decodeCursor(raw: string): CursorPosition | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
    if (typeof v !== "object" || v === null) return null;
    const o = v as Record<string, unknown>;
    if (typeof o.id !== "number" || !Number.isInteger(o.id) || o.id < 0) return null;
    return { id: o.id, next: o._pointsToNextItems !== false };
  } catch {
    return null;
  }
}

export interface Page {
  items: number[];
  hasMore: boolean;
  nextCursor: string | null;
  prevCursor: string | null;
}

/**
 * One page of indexes in [lo, hi) matching `pred`, in descending order. A forward cursor continues
 * below its id; a backward one returns the `perPage` items just above its id.
 */
export function pageDesc(lo: number, hi: number, pred: (i: number) => boolean, perPage: number, cursor: CursorPosition | null): Page {
  if (cursor && !cursor.next) {
    const up: number[] = [];
    for (let i = Math.max(lo, cursor.id + 1); i < hi && up.length <= perPage; i++) if (pred(i)) up.push(i);
    const moreAbove = up.length > perPage;
    const items = up.slice(0, perPage).reverse();
    return {
      items,
      hasMore: true, // the item the cursor pointed from is still below this page
      nextCursor: items.length ? encodeCursor({ id: items[items.length - 1], next: true }) : encodeCursor({ id: cursor.id + 1, next: true }),
      prevCursor: moreAbove && items.length ? encodeCursor({ id: items[0], next: false }) : null,
    };
  }
  const start = cursor ? Math.min(hi, cursor.id) - 1 : hi - 1;
  const items: number[] = [];
  let hasMore = false;
  for (let i = start; i >= lo; i--) {
    if (!pred(i)) continue;
    if (items.length === perPage) {
      hasMore = true;
      break;
    }
    items.push(i);
  }
  return {
    items,
    hasMore,
    nextCursor: hasMore ? encodeCursor({ id: items[items.length - 1], next: true }) : null,
    prevCursor: cursor && items.length ? encodeCursor({ id: items[0], next: false }) : null,
  };
}

/** First index whose value is >= x in a non-decreasing array prefix of length n. */
export function lowerBound(arr: Uint32Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
