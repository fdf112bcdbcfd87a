// The analytics URL and API query strings: the shared date range plus a currency (revenue) and a CSV preset
// (exports). One zod schema per contract; the handlers and the pages parse with these, and the pages
// hand the parsed parameters to their client islands (zod stays out of the browser: the pure range
// arithmetic is ./date-range.ts, the links ./url-params.ts).
import { z } from "zod";
import { csvPresetSchema } from "@/lib/csv/schemas";
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { MAX_CHART_RANGE_DAYS, checkDayRange, dayRangeFields } from "@/lib/http/query-fragments";
import { COMPARE_MODES, INTERVALS, RANGE_PRESETS } from "./date-range";
import { BREAKDOWN_DIMENSIONS } from "./schemas";
import type { AnalyticsParams } from "./url-params";

/** The range as the URL carries it (`?range=last30&compare=previous&interval=week`, or `range=custom&from&to`). */
export const rangeFields = z.object({
  range: z.enum(RANGE_PRESETS).default("last30"),
  ...dayRangeFields,
  compare: z.enum(COMPARE_MODES).default("none"),
  // Blank is "automatic": the control's GET form sends `interval=` for its "Automatic" choice.
  interval: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v))
    .pipe(z.enum(INTERVALS).optional()),
});

/**
 * A custom range needs both ends; any two ends given must be in order and at most ten years apart
 * (MAX_CHART_RANGE_DAYS: a chart has a bucket per day with `interval=day`). Refine every schema built on
 * `rangeFields` with it (`.superRefine`).
 */
export function checkRangeParams(p: { range?: unknown; from?: unknown; to?: unknown }, ctx: z.RefinementCtx): void {
  if (p.range === "custom" && (p.from === undefined || p.to === undefined)) {
    ctx.addIssue({ code: "custom", path: [p.from === undefined ? "from" : "to"], message: "a custom range needs from and to" });
  }
  checkDayRange(p, ctx, MAX_CHART_RANGE_DAYS);
}

/** The URL keys of a range, cleared together when one of them is wrong (a page's forgiving parse). */
export const RANGE_KEYS = ["range", "from", "to"] as const;

export const rangeParamsSchema = rangeFields.superRefine(checkRangeParams);
export type RangeParams = z.output<typeof rangeParamsSchema>;

const currency = z.string().regex(/^[A-Z]{3}$/, "expected a currency code like XOF").optional();

export const overviewQuerySchema = rangeParamsSchema;

export const revenueQuerySchema = rangeFields.extend({ currency }).superRefine(checkRangeParams);
export type RevenueQuery = z.output<typeof revenueQuerySchema>;

/** Every table of the Revenue page: the seven breakdowns and new vs returning customers. */
export const REVENUE_TABLES = [...BREAKDOWN_DIMENSIONS, "customers"] as const;
export type RevenueTable = (typeof REVENUE_TABLES)[number];
export const revenueTableParamsSchema = z.object({ table: z.enum(REVENUE_TABLES) });

/** `preset` omitted: the member's language decides (French → excel-fr), as for every export (docs/export.md). */
export const revenueExportQuerySchema = rangeFields
  .extend({ currency: z.string().regex(/^[A-Z]{3}$/, "expected a currency code like XOF"), preset: csvPresetSchema.optional() })
  .superRefine(checkRangeParams);

/**
 * An analytics page's URL → range, comparison, interval and currency, with the API's own schema. A bad
 * value is cleared (a wrong custom range falls back to the default range as a whole) and named in
 * `cleared`, so the page says what it ignored instead of failing. Repeated keys: the last one wins
 * (lib/http/page-query).
 */
export function readAnalyticsQuery(query: SearchParamsRecord | URLSearchParams): { params: AnalyticsParams; cleared: string[] } {
  const record = query instanceof URLSearchParams ? Object.fromEntries(query) : query;
  const { value, cleared } = parsePageQuery(revenueQuerySchema, record, { together: [RANGE_KEYS] });
  const { currency, ...range } = value;
  return { params: { ...range, ...(currency ? { currency } : {}) }, cleared };
}
