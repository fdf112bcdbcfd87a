// The four lists of the Downloads page as tables (issue 15): which columns each can be sorted by, its
// default order, and the sort itself — the one order of every list: the export's whole lists, a non-default
// sort, and the rows of a page's edge values in downloads-page-data.ts (so ties fall the same way). Pure:
// no database, safe anywhere.
import type { DownloadFact } from "./download-facts";
import type { ProductEngagement } from "./download-stats";

export type SortDir = "asc" | "desc";
export type ListSort<C extends string> = { column: C; dir: SortDir };

export const DOWNLOAD_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_DOWNLOAD_PAGE_SIZE = 25;

export const SALE_SORT_COLUMNS = ["paid_at", "customer", "product", "downloads", "last_download"] as const;
export type DownloadSaleSortColumn = (typeof SALE_SORT_COLUMNS)[number];
export const ENGAGEMENT_SORT_COLUMNS = ["product", "paid_sales", "share", "median_first"] as const;
export type EngagementSortColumn = (typeof ENGAGEMENT_SORT_COLUMNS)[number];

/**
 * Each table of the page: its URL key prefix (`waiting_page`, `recent_sort`…), the CSV list it exports,
 * the columns it sorts by and its default order (what a merchant acts on first).
 */
export const DOWNLOAD_TABLES = {
  waiting: { list: "not-accessed", sortable: ["paid_at", "customer", "product"], sort: { column: "paid_at", dir: "asc" } },
  unusual: { list: "unusual", sortable: SALE_SORT_COLUMNS, sort: { column: "downloads", dir: "desc" } },
  products: { list: "engagement", sortable: ENGAGEMENT_SORT_COLUMNS, sort: { column: "paid_sales", dir: "desc" } },
  recent: { list: "sales", sortable: SALE_SORT_COLUMNS, sort: { column: "paid_at", dir: "desc" } },
} as const satisfies Record<string, { list: string; sortable: readonly string[]; sort: ListSort<string> }>;
export type DownloadTable = keyof typeof DOWNLOAD_TABLES;

type Value = string | number | null;

const lower = (s: string | null) => (s === null ? null : s.toLocaleLowerCase());

const SALE_VALUES: Record<DownloadSaleSortColumn, (f: DownloadFact) => Value> = {
  paid_at: (f) => f.completedAt,
  customer: (f) => lower(f.customerName ?? f.customerEmail),
  product: (f) => lower(f.productName ?? f.productId),
  downloads: (f) => f.downloadTotal,
  last_download: (f) => f.downloadLastAt,
};

const ENGAGEMENT_VALUES: Record<EngagementSortColumn, (e: ProductEngagement) => Value> = {
  product: (e) => lower(e.productName ?? e.productId),
  paid_sales: (e) => e.paidSales,
  share: (e) => e.share,
  median_first: (e) => e.medianHoursToFirst,
};

/** a before b in `dir`; an unknown value (null) goes last whichever the direction. */
function compare(a: Value, b: Value, dir: SortDir): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  return dir === "asc" ? order : -order;
}

/** Sales in `sort` order, unknown values last, the sale id breaking ties (pages never overlap). */
export function sortDownloadSales<T extends DownloadFact>(rows: readonly T[], sort: ListSort<string>): T[] {
  const value = SALE_VALUES[sort.column as DownloadSaleSortColumn] ?? SALE_VALUES.paid_at;
  return [...rows].sort((a, b) => compare(value(a), value(b), sort.dir) || a.saleId.localeCompare(b.saleId));
}

/** Products in `sort` order, unknown values last, the product id breaking ties. */
export function sortEngagement(rows: readonly ProductEngagement[], sort: ListSort<string>): ProductEngagement[] {
  const value = ENGAGEMENT_VALUES[sort.column as EngagementSortColumn] ?? ENGAGEMENT_VALUES.paid_sales;
  return [...rows].sort((a, b) => compare(value(a), value(b), sort.dir) || a.productId.localeCompare(b.productId));
}
