// The Sales view's contract, shared by the page and the API: the filters and sort that live in the URL,
// parsed by one zod schema, and the shapes the API returns. The client island imports only types from
// here (zod stays out of the browser): its page hands it the parsed view, and the zod-free
// ./view-query.ts builds the links and the API query.
import { z } from "zod";
import { PAYMENT_STATUSES, SALE_CHANNELS, SALE_STATUSES } from "@/lib/chariow/enum-values";
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { checkAmountBounds, checkDayRange, optionalAmount, optionalCalendarDay, pageNumber, pageSize, sortDirection } from "@/lib/http/query-fragments";
import type { Money } from "@/lib/money";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, SALE_SORT_COLUMNS } from "./view-query";

/** "a,b" or repeated params → a list of one enum; empty → undefined (no filter). */
function listOf<const V extends string>(values: readonly V[]) {
  const item = z.enum(values as [V, ...V[]]);
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean)))
    .pipe(z.array(item).max(20))
    .transform((list): V[] | undefined => (list.length > 0 ? [...new Set(list)] : undefined));
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const salesFiltersSchema = z.object({
  /** Free text: sale reference (id prefix), customer email or name (chariow-api.md §5 `search`). */
  q: optionalText(200),
  status: listOf(SALE_STATUSES),
  paymentStatus: listOf(PAYMENT_STATUSES),
  channel: listOf(SALE_CHANNELS),
  customer: optionalText(100),
  product: optionalText(100),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  discount: optionalText(100),
  campaign: optionalText(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Local days in the store timezone, both inclusive (lib/http/query-fragments: a day that exists). */
  from: optionalCalendarDay,
  to: optionalCalendarDay,
  /** Amounts in major units ("4900", "79.20"), at most the chosen currency's decimals; compared exactly in minor units. */
  min: optionalAmount,
  max: optionalAmount,
}).superRefine((filters, ctx) => {
  checkDayRange(filters, ctx);
  checkAmountBounds(filters, ctx);
});
export type SalesFilters = z.output<typeof salesFiltersSchema>;
export type SalesFiltersInput = z.input<typeof salesFiltersSchema>;

/** The API is strict (a bad sort or size is a 400 naming it); the page clears it instead (parseSalesView). */
export const salesViewSchema = salesFiltersSchema.extend({
  sort: z.enum(SALE_SORT_COLUMNS).default("created_at"),
  dir: sortDirection.default("desc"),
  page: pageNumber,
  size: pageSize(PAGE_SIZES, DEFAULT_PAGE_SIZE),
});
export type SalesView = z.output<typeof salesViewSchema>;

/** One row of the Sales table. */
export type SaleListItem = {
  id: string;
  status: string;
  paymentStatus: string | null;
  createdAt: string | null;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  productId: string | null;
  productName: string | null;
  channel: string | null;
  originalAmount: Money | null;
  discountAmount: Money | null;
  amount: Money | null;
  discountCode: string | null;
  campaignName: string | null;
  country: string | null;
  paymentMethod: string | null;
};

export type SalesPage = { sales: SaleListItem[]; page: number; size: number; hasMore: boolean };

/** Per currency over the whole filtered set (never summed across currencies). */
export type SalesTotal = { currency: string; count: number; paidCount: number; paid: Money; original: Money; discount: Money };
export type SalesTotals = { count: number; byCurrency: SalesTotal[] };
/** The totals a role is given: without settlements:read the counts only (lib/sales/financial-fields.ts). */
export type SalesTotalsView = {
  count: number;
  byCurrency: Array<Pick<SalesTotal, "currency" | "count" | "paidCount"> & Partial<Pick<SalesTotal, "paid" | "original" | "discount">>>;
};

/** Filters that hold a list: a GET form's checkboxes send them as repeated keys (`status=a&status=b`). */
const LIST_FILTER_KEYS = ["status", "paymentStatus", "channel"] as const;

/**
 * A page's query as the sales schema reads it: a list filter's repeated keys joined into one list (they
 * are one filter, not a repeated one whose last value wins), and a decimal comma in an amount read as the
 * point a French keyboard did not type (`12,5` → `12.5`).
 */
export function salesQueryOf(query: SearchParamsRecord | URLSearchParams): Record<string, string | undefined> {
  const record: SearchParamsRecord = {};
  if (query instanceof URLSearchParams) for (const key of new Set(query.keys())) record[key] = query.getAll(key);
  else Object.assign(record, query);
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(record)) {
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (values.length === 0) continue;
    out[key] = (LIST_FILTER_KEYS as readonly string[]).includes(key) ? values.filter((v) => v.trim() !== "").join(",") : values[values.length - 1];
  }
  for (const key of ["min", "max"] as const) if (out[key] !== undefined) out[key] = out[key]!.replace(",", ".");
  return out;
}

/**
 * The view a URL (or an older saved view) asks for: a malformed value is cleared, the rest kept, and the
 * cleared keys named so the page can say so — never an error page.
 */
export function parseSalesView(query: SearchParamsRecord | URLSearchParams): { view: SalesView; invalid: boolean; cleared: string[] } {
  const { value, cleared } = parsePageQuery(salesViewSchema, salesQueryOf(query));
  return { view: value, invalid: cleared.length > 0, cleared };
}
