"use client";
// The query string in a client island and a setter for the few controls that need JavaScript (a search
// box typed into, a select): the table's own links (sort, pages, columns) do not need it. Writes use
// router.replace so Back leaves the page, not each change. Reading: table-state.ts (shared with servers).
import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { hrefWith } from "./table-state";

export { readTableState, TABLE_URL_KEYS, type TableSort, type TableUrlDefaults, type TableUrlState } from "./table-state";

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
    (patch: Record<string, string | null | undefined>) => router.replace(hrefWith(pathname, new URLSearchParams(searchParams.toString()), patch), { scroll: false }),
    [router, pathname, searchParams],
  );
  return { params, set };
}
