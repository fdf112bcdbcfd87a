"use client";
// A table's state in the URL (bookmarkable, shareable): sort, direction, page, page size, hidden columns
// and any filter keys the page declares. Writes use router.replace so Back leaves the table, not each click.
import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export type TableSort = { column: string; dir: "asc" | "desc" };
export type TableUrlState = { sort: TableSort; page: number; size: number; hidden: string[] };

export type TableUrlDefaults = { sort: TableSort; size: number };

/** Keys the table itself owns in the query string; a page's filter keys must not reuse them. */
export const TABLE_URL_KEYS = ["sort", "dir", "page", "size", "hide"] as const;

export function readTableState(params: URLSearchParams, defaults: TableUrlDefaults): TableUrlState {
  const dir = params.get("dir");
  const page = Number(params.get("page"));
  const size = Number(params.get("size"));
  return {
    sort: { column: params.get("sort") || defaults.sort.column, dir: dir === "asc" || dir === "desc" ? dir : defaults.sort.dir },
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: Number.isInteger(size) && size > 0 ? size : defaults.size,
    hidden: (params.get("hide") ?? "").split(",").filter(Boolean),
  };
}

/**
 * The current query string and a setter. `set({status: "failed"})` changes the filter and goes back to
 * page 1 (a new filter's page 3 rarely exists); `set({page: "2"})` only moves the page.
 */
export function useUrlParams() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => new URLSearchParams(searchParams.toString()), [searchParams]);
  const set = useCallback(
    (patch: Record<string, string | null | undefined>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      if (!("page" in patch)) next.delete("page");
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );
  return { params, set };
}
