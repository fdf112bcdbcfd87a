// The analytics pages' URL state as one plain object (range, compare, interval, currency) and back to a
// query string: used by the server pages, the date-range control and the API calls alike (no server-only).
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { RANGE_KEYS, type RangeParams } from "./date-range";
import { revenueQuerySchema } from "./query-schemas";

export type AnalyticsParams = RangeParams & { currency?: string };

/**
 * The URL → range, comparison, interval and currency, with the API's own schema. A bad value is cleared
 * (a wrong custom range falls back to the default range as a whole) and named in `cleared`, so the page
 * says what it ignored instead of failing. Repeated keys: the last one wins (lib/http/page-query).
 */
export function readAnalyticsQuery(query: SearchParamsRecord | URLSearchParams): { params: AnalyticsParams; cleared: string[] } {
  const record = query instanceof URLSearchParams ? Object.fromEntries(query) : query;
  const { value, cleared } = parsePageQuery(revenueQuerySchema, record, { together: [RANGE_KEYS] });
  const { currency, ...range } = value;
  return { params: { ...range, ...(currency ? { currency } : {}) }, cleared };
}

/** `readAnalyticsQuery` over a URLSearchParams (kept for callers that hold one). */
export function readAnalyticsUrl(search: URLSearchParams): { params: AnalyticsParams; cleared: string[] } {
  return readAnalyticsQuery(search);
}

export function parseAnalyticsParams(search: URLSearchParams): AnalyticsParams {
  return readAnalyticsQuery(search).params;
}

/**
 * The parameters after a change made on the page: a key patched to undefined goes back to its default,
 * and a preset range drops the custom days (they belong to "custom" only).
 */
export function patchAnalyticsParams(params: AnalyticsParams, patch: Partial<AnalyticsParams>): AnalyticsParams {
  const next: AnalyticsParams = { ...params, ...patch };
  for (const key of Object.keys(patch) as (keyof AnalyticsParams)[]) if (patch[key] === undefined) delete next[key];
  if (next.range !== "custom") {
    delete next.from;
    delete next.to;
  }
  return next;
}

/** The query string for the API and the page's links: the same parameters, defaults omitted. */
export function analyticsQueryString(p: AnalyticsParams): string {
  const q = new URLSearchParams();
  q.set("range", p.range);
  if (p.range === "custom" && p.from && p.to) {
    q.set("from", p.from);
    q.set("to", p.to);
  }
  if (p.compare !== "none") q.set("compare", p.compare);
  if (p.interval) q.set("interval", p.interval);
  if (p.currency) q.set("currency", p.currency);
  return q.toString();
}

/** A link to `pathname` with these parameters (the currency switch, the control's navigation). */
export function analyticsHref(pathname: string, p: AnalyticsParams): string {
  return `${pathname}?${analyticsQueryString(p)}`;
}
