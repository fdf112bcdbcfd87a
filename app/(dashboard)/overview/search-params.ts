// The page's searchParams → the analytics parameters, tolerant like the client island: an invalid value
// is cleared (a bad custom range falls back to the default, last 30 days) instead of an error page; the
// island, reading the same URL, says what was cleared.
import { parseAnalyticsParams, type AnalyticsParams } from "@/lib/analytics/url-params";

export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function readAnalyticsParams(searchParams: PageSearchParams): Promise<AnalyticsParams> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) search.set(key, first);
  }
  return parseAnalyticsParams(search);
}
