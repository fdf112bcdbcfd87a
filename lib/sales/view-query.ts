// The Sales view ↔ its URL query, without zod: sort columns, page sizes, the filters' keys, and the
// query strings built from a parsed view (links, the API call, the export). The Sales island and its
// filters build their links with these in the browser, where zod would weigh on the first load; the
// schemas that parse the URL (server page and API) are in ./schemas.ts.
import type { SalesFilters, SalesView } from "./schemas";

export const SALE_SORT_COLUMNS = [
  "created_at",
  "id",
  "status",
  "payment_status",
  "customer_name",
  "customer_email",
  "product_name",
  "channel",
  "currency",
  "original_amount",
  "discount_amount",
  "amount",
  "discount_code",
  "campaign_name",
  "country",
  "payment_method",
] as const;
export type SaleSortColumn = (typeof SALE_SORT_COLUMNS)[number];

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The URL keys of the filters, in a stable order (bookmarks and saved views compare equal): the fields of
 * salesFiltersSchema, in its order (tests/unit/sales/sales-view.test.ts holds the two together).
 */
export const SALES_FILTER_KEYS = [
  "q",
  "status",
  "paymentStatus",
  "channel",
  "customer",
  "product",
  "currency",
  "discount",
  "campaign",
  "country",
  "from",
  "to",
  "min",
  "max",
] as const satisfies readonly (keyof SalesFilters)[];

/** Only the filters of a view, undefined ones dropped: what the export, totals and audit log take. */
export function filtersOf(view: SalesFilters): SalesFilters {
  const out: Record<string, unknown> = {};
  for (const key of SALES_FILTER_KEYS) if (view[key] !== undefined) out[key] = view[key];
  return out as SalesFilters;
}

/** Filters → URL query (lists comma-joined), the inverse of salesFiltersSchema. */
export function filtersToSearchParams(filters: SalesFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SALES_FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params;
}

/** The /api/sales query of a view: filters, sort, page and size in a canonical order (also the query key). */
export function salesApiQuery(view: SalesView): string {
  const query = filtersToSearchParams(filtersOf(view));
  query.set("sort", view.sort);
  query.set("dir", view.dir);
  query.set("page", String(view.page));
  query.set("size", String(view.size));
  return query.toString();
}
