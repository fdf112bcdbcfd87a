"use client";
// The analytics pages' URL state in the date-range control, once JavaScript has loaded: the same parser
// as the server page (lib/analytics/url-params.ts) over the current URL, and a setter that navigates to
// the changed URL through the router, so the server page answers with the new figures — exactly what the
// control's GET form does before JavaScript, without reloading the document.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useTransition } from "react";
import { analyticsHref, patchAnalyticsParams, readAnalyticsQuery, type AnalyticsParams } from "@/lib/analytics/url-params";

export type { AnalyticsParams };

/** The URL's parameters, a setter, and whether the page for a new URL is still on its way. */
export function useAnalyticsParams(): { params: AnalyticsParams; update: (patch: Partial<AnalyticsParams>) => void; pending: boolean } {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const params = useMemo(() => readAnalyticsQuery(new URLSearchParams(search)).params, [search]);
  const [pending, startTransition] = useTransition();
  const update = useCallback(
    (patch: Partial<AnalyticsParams>) => {
      // push, as the form's submission would: Back returns to the previous range.
      startTransition(() => router.push(analyticsHref(pathname, patchAnalyticsParams(params, patch)), { scroll: false }));
    },
    [router, pathname, params],
  );
  return { params, update, pending };
}
