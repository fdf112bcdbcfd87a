// The analytics pages' URL state as one plain object (range, compare, interval, currency) and back to a
// query string: used by the server pages, the date-range control and the API calls alike. No zod: the
// server page parses the URL (readAnalyticsQuery, ./query-schemas.ts) and hands the parameters to the
// control, which only builds links from them.
import type { RangeParams } from "./date-range";

export type AnalyticsParams = RangeParams & { currency?: string };

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
