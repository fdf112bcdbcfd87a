// A table's state in the URL, read and written without React: sort, direction, page, page size and hidden
// columns, under optional per-table key names (two paginated tables on one page: `audit_page`, …). Shared
// by server pages (links that work before JavaScript) and client islands (the same links, enhanced).
import type { SearchParamsRecord } from "@/lib/http/page-query";

export type TableSort = { column: string; dir: "asc" | "desc" };
export type TableUrlState = { sort: TableSort; page: number; size: number; hidden: string[] };
export type TableUrlDefaults = { sort: TableSort; size: number };

/** Keys the table itself owns in the query string; a page's filter keys must not reuse them. */
export const TABLE_URL_KEYS = ["sort", "dir", "page", "size", "hide"] as const;
export type TableUrlKey = (typeof TABLE_URL_KEYS)[number];

/** The query-string name of one of the table's keys, for a table with a prefix (`audit` → `audit_page`). */
export function tableKey(key: TableUrlKey, prefix?: string): string {
  return prefix ? `${prefix}_${key}` : key;
}

function toParams(params: URLSearchParams | SearchParamsRecord): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    // The last of repeated values wins, as in lib/http/page-query.ts (one rule for every page).
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) out.set(key, last);
  }
  return out;
}

/**
 * Sort, page, size and hidden columns from the URL; defaults fill what is missing and garbage falls back
 * to them. `sortable` (when given) limits the sort to columns the server can sort by, `sizes` the sizes.
 */
export function readTableState(
  input: URLSearchParams | SearchParamsRecord,
  defaults: TableUrlDefaults,
  options: { prefix?: string; sortable?: readonly string[]; sizes?: readonly number[] } = {},
): TableUrlState {
  const params = toParams(input);
  const get = (key: TableUrlKey) => params.get(tableKey(key, options.prefix));
  const dir = get("dir");
  const page = Number(get("page"));
  const size = Number(get("size"));
  const column = get("sort");
  const sortOk = column && (!options.sortable || options.sortable.includes(column));
  const sizeOk = Number.isInteger(size) && size > 0 && (!options.sizes || options.sizes.includes(size));
  return {
    sort: { column: sortOk ? column : defaults.sort.column, dir: dir === "asc" || dir === "desc" ? dir : defaults.sort.dir },
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1,
    size: sizeOk ? size : defaults.size,
    hidden: (get("hide") ?? "").split(",").filter(Boolean),
  };
}

/**
 * The href of the current URL with `patch` applied (null removes a key). A patch that changes anything
 * but the page returns to page 1 (a new sort's page 3 is a different set of rows).
 */
export function hrefWith(pathname: string, query: URLSearchParams | SearchParamsRecord, patch: Record<string, string | null | undefined>, pageKey = "page"): string {
  const next = new URLSearchParams(toParams(query));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, value);
  }
  if (!(pageKey in patch)) next.delete(pageKey);
  const qs = next.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Rows of one page out of a list already in memory (small lists: members, invites). */
export function pageOf<T>(rows: readonly T[], state: Pick<TableUrlState, "page" | "size">): { rows: T[]; hasMore: boolean; total: number } {
  const start = (state.page - 1) * state.size;
  return { rows: rows.slice(start, start + state.size), hasMore: rows.length > start + state.size, total: rows.length };
}
