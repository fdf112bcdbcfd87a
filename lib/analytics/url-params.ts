// The analytics pages' URL state as one plain object (range, compare, interval, currency) and back to a
// query string: used by the server pages, the client islands and the API calls alike (no server-only).
import { parsePageQuery } from "@/lib/http/page-query";
import { RANGE_KEYS, type RangeParams } from "./date-range";
import { revenueQuerySchema } from "./query-schemas";

export type AnalyticsParams = RangeParams & { currency?: string };

/**
 * The URL → range, comparison, interval and currency, with the API's own schema. A bad value is cleared
 * (a wrong custom range falls back to the default range as a whole) and named in `cleared`, so the page
 * says what it ignored instead of failing.
 */
export function readAnalyticsUrl(search: URLSearchParams): { params: AnalyticsParams; cleared: string[] } {
  const { value, cleared } = parsePageQuery(revenueQuerySchema, Object.fromEntries(search), { together: [RANGE_KEYS] });
  const { currency, ...range } = value;
  return { params: { ...range, ...(currency ? { currency } : {}) }, cleared };
}

export function parseAnalyticsParams(search: URLSearchParams): AnalyticsParams {
  return readAnalyticsUrl(search).params;
}

/** The query string for the API: the same parameters, defaults omitted. */
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

