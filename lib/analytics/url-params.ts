// The analytics pages' URL state as one plain object (range, compare, interval, currency) and back to a
// query string: used by the server pages, the client islands and the API calls alike (no server-only).
import { rangeParamsSchema, type RangeParams } from "./date-range";

export type AnalyticsParams = RangeParams & { currency?: string };

export function parseAnalyticsParams(search: URLSearchParams): AnalyticsParams {
  const parsed = rangeParamsSchema.safeParse(Object.fromEntries(search));
  const range: RangeParams = parsed.success ? parsed.data : { range: "last30", compare: "none" };
  const currency = search.get("currency");
  return { ...range, ...(currency && /^[A-Z]{3}$/.test(currency) ? { currency } : {}) };
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

