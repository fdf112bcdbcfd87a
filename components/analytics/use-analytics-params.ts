"use client";
// The analytics pages' URL state (range, compare, interval, currency) read with useSearchParams and
// written with history.pushState: Next keeps useSearchParams in sync, the data refetches through
// TanStack Query, and the server page is not re-rendered for a filter change.
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { analyticsQueryString, parseAnalyticsParams, type AnalyticsParams } from "@/lib/analytics/url-params";

export { analyticsQueryString, type AnalyticsParams };

export function useAnalyticsParams(): [AnalyticsParams, (patch: Partial<AnalyticsParams>) => void] {
  const search = useSearchParams();
  const params = useMemo(() => parseAnalyticsParams(new URLSearchParams(search.toString())), [search]);
  const update = useCallback(
    (patch: Partial<AnalyticsParams>) => {
      const next: AnalyticsParams = { ...params, ...patch };
      for (const key of Object.keys(patch) as (keyof AnalyticsParams)[]) if (patch[key] === undefined) delete next[key];
      if (next.range !== "custom") {
        delete next.from;
        delete next.to;
      }
      window.history.pushState(null, "", `?${analyticsQueryString(next)}`);
    },
    [params],
  );
  return [params, update];
}
