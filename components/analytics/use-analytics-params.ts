"use client";
// The analytics pages' URL state in the date-range control, once JavaScript has loaded: the parameters the
// server page parsed from the URL (readAnalyticsQuery, lib/analytics/query-schemas.ts — the page renders
// again on every URL change, so they are always the URL's), and a setter that navigates to the changed
// URL through the router, so the server page answers with the new figures — exactly what the control's
// GET form does before JavaScript, without reloading the document. No parsing here: zod stays on the
// server (issue 15: first-load JavaScript).
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import { analyticsHref, patchAnalyticsParams, type AnalyticsParams } from "@/lib/analytics/url-params";

export type { AnalyticsParams };

/** The page's parameters, a setter, and whether the page for a new URL is still on its way. */
export function useAnalyticsParams(params: AnalyticsParams): { params: AnalyticsParams; update: (patch: Partial<AnalyticsParams>) => void; pending: boolean } {
  const router = useRouter();
  const pathname = usePathname();
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
