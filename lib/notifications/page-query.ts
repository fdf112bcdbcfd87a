// The URL pieces the notification forms answer with (lib/notifications/actions.ts): `?notifications=saved`
// or `?notifications_error=<field>` for a member's preferences, `?alerts=…`/`?alerts_error=…` for the
// store's settings — two names, as both forms sit on the Settings page — and the query without them.
import type { SearchParamsRecord } from "@/lib/http/page-query";

export const FEEDBACK_KEYS = ["notifications", "notifications_error", "alerts", "alerts_error"] as const;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function formFeedback(query: SearchParamsRecord, form: "notifications" | "alerts"): { saved: boolean; errorField: string | null } {
  const error = first(query[`${form}_error`]);
  // Only a field name is shown back (letters, digits, dots): nothing a crafted link could inject.
  return { saved: first(query[form]) === "saved", errorField: error && /^[A-Za-z0-9.]{1,60}$/.test(error) ? error : null };
}

export function queryString(query: SearchParamsRecord): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if ((FEEDBACK_KEYS as readonly string[]).includes(k)) continue;
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) params.append(k, one);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
