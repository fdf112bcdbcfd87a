// One page of a Revenue breakdown in the order its table asks for. A breakdown is a short aggregate (one
// row per product, country, method… of the range) that the service returns whole — the chart's top bars
// and the CSV need every row — so the page sorts and slices it in memory instead of in SQL. No
// server-only: pure functions, tested in tests/unit/analytics/breakdown-page.test.ts.
import type { BreakdownRow } from "./schemas";

/** A column and a direction, as the table's URL carries them (components/data-table/table-state.ts). */
export type BreakdownSort = { column: string; dir: "asc" | "desc" };

/** The breakdown table's sortable columns (its column ids and `<dimension>_sort` values). */
export const BREAKDOWN_SORT_COLUMNS = ["label", "paidCount", "revenue", "discounts", "averageDiscount", "attempts"] as const;
export type BreakdownSortColumn = (typeof BREAKDOWN_SORT_COLUMNS)[number];
export const BREAKDOWN_DEFAULT_SORT: BreakdownSort = { column: "revenue", dir: "desc" };
export const BREAKDOWN_PAGE_SIZE = 25;

/**
 * The rows in the asked order: by their label as shown (`labelOf`, compared in the member's language), or
 * by a figure; an unknown average (no paid sale) sorts after every known one either way. Ties keep the
 * service's order (revenue, then paid sales), so a page boundary never shuffles between requests.
 */
export function sortBreakdownRows(rows: readonly BreakdownRow[], sort: BreakdownSort, labelOf: (row: BreakdownRow) => string, locale: string): BreakdownRow[] {
  const column = (BREAKDOWN_SORT_COLUMNS as readonly string[]).includes(sort.column) ? (sort.column as BreakdownSortColumn) : "revenue";
  const sign = sort.dir === "asc" ? 1 : -1;
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const indexed = rows.map((row, index) => ({ row, index, label: column === "label" ? labelOf(row) : "" }));
  indexed.sort((a, b) => {
    let order: number;
    if (column === "label") order = sign * collator.compare(a.label, b.label);
    else {
      const x = a.row[column];
      const y = b.row[column];
      if (x === null || y === null) order = x === y ? 0 : x === null ? 1 : -1;
      else order = sign * (x - y);
    }
    return order || a.index - b.index;
  });
  return indexed.map((entry) => entry.row);
}
