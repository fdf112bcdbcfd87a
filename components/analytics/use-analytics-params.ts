"use client";
// The analytics pages' URL state (range, compare, interval, currency), written with history.pushState so
// a filter change refetches through TanStack Query without re-rendering the server page. Read from the
// address bar itself (useSyncExternalStore over pushState + popstate), not only from Next's
// useSearchParams: a pushState made while the router was busy (first load, a prefetch) was seen in e2e
// to leave useSearchParams on the old query, so the page showed the old range under the new URL.
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { analyticsQueryString, readAnalyticsUrl, type AnalyticsParams } from "@/lib/analytics/url-params";

export { analyticsQueryString, type AnalyticsParams };

const CHANGE_EVENT = "analytics-params-change";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const addressBarQuery = () => window.location.search.replace(/^\?/, "");

/** The URL's parameters, a setter, and the URL keys that were not valid and are ignored (to say so). */
export function useAnalyticsParams(): [AnalyticsParams, (patch: Partial<AnalyticsParams>) => void, string[]] {
  // On the server and during hydration: the request's query, so the markup matches.
  const requestQuery = useSearchParams().toString();
  const query = useSyncExternalStore(subscribe, addressBarQuery, () => requestQuery);
  const { params, cleared } = useMemo(() => readAnalyticsUrl(new URLSearchParams(query)), [query]);
  const update = useCallback(
    (patch: Partial<AnalyticsParams>) => {
      const next: AnalyticsParams = { ...params, ...patch };
      for (const key of Object.keys(patch) as (keyof AnalyticsParams)[]) if (patch[key] === undefined) delete next[key];
      if (next.range !== "custom") {
        delete next.from;
        delete next.to;
      }
      window.history.pushState(null, "", `?${analyticsQueryString(next)}`);
      window.dispatchEvent(new Event(CHANGE_EVENT));
    },
    [params],
  );
  return [params, update, cleared];
}
