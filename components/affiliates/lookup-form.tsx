"use client";
// Lookup by referral code: the code goes to the API as a query parameter (the server sends it to Chariow
// as one URL-encoded path segment). An unknown code says "No affiliate with this code"; answers are cached
// a few minutes on the server, and "Refresh" asks Chariow again. With the API budget spent, it says when
// to try again (the server's `retryAt`). Every other failure is said by its code in the member's words;
// statuses and dates are the shared words (lib/format), in the store's time zone.
import { useState } from "react";
import { useFormatter, useLocale, useTimeZone, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { formatDateTime } from "@/lib/format/date-time";
import { errorMessage } from "@/lib/http/client-error";
import { formatMoney } from "@/lib/money";

type View = {
  code: string | null; name: string | null; email: string | null; status: string | null; valid: boolean; commissionRatePercent: number | null;
  referrals: number | null; sales: number | null; earnings: { minor: number; currency: string } | null; visits: number | null;
  firstVisitAt: string | null; lastVisitAt: string | null; suspendedAt: string | null; suspendedReason: string | null; joinedAt: string | null;
};
type State = { kind: "idle" } | { kind: "loading" } | { kind: "found"; affiliate: View; cached: boolean; fetchedAt: string } | { kind: "message"; text: string; notFound: boolean };

export function LookupForm() {
  const t = useTranslations("Affiliates.lookup");
  const tErrors = useTranslations("Errors");
  const codeLabel = useCodeLabel();
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const format = useFormatter();
  const [code, setCode] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });
  const when = (iso: string | null, style: "dateTime" | "time" = "dateTime") => (iso ? formatDateTime(iso, { locale, timeZone }, style) : t("none"));

  async function lookup(refresh: boolean) {
    if (code.trim() === "") return setState({ kind: "message", text: t("errors.empty"), notFound: false });
    setState({ kind: "loading" });
    try {
      const qs = new URLSearchParams({ code, ...(refresh ? { refresh: "1" } : {}) });
      const res = await fetch(`/api/affiliates/lookup?${qs.toString()}`);
      const body = await res.json();
      if (res.ok) setState({ kind: "found", affiliate: body.affiliate, cached: body.cached, fetchedAt: body.fetchedAt });
      else if (body?.error?.code === "affiliate_not_found") setState({ kind: "message", text: t("notFound", { code: code.trim() }), notFound: true });
      // The API budget is spent (the server answers at once rather than wait): say when it comes back, to
      // the second (it is back within a minute).
      else if (body?.error?.code === "chariow_rate_limited" && typeof body.error.retryAt === "string") setState({ kind: "message", text: t("errors.budget", { at: format.dateTime(new Date(body.error.retryAt), { timeStyle: "medium" }) }), notFound: false });
      else setState({ kind: "message", text: errorMessage(tErrors, body), notFound: false });
    } catch (e) {
      setState({ kind: "message", text: errorMessage(tErrors, e), notFound: false });
    }
  }

  const num = (n: number | null) => (n === null ? t("none") : format.number(n));
  const a = state.kind === "found" ? state.affiliate : null;

  return (
    <section aria-labelledby="lookup-title" className="space-y-3" data-testid="affiliate-lookup">
      <h2 id="lookup-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void lookup(false);
        }}
        className="flex flex-wrap items-end gap-2"
      >
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
          {t("label")}
          <input name="code" value={code} onChange={(e) => setCode(e.target.value)} maxLength={100} className={`${inputClass} min-h-11 font-mono`} autoComplete="off" />
        </label>
        <button type="submit" className={buttonClass("primary", "min-h-11")} disabled={state.kind === "loading"}>
          {t("submit")}
        </button>
      </form>
      <div aria-live="polite">
        {state.kind === "loading" ? <p className="text-sm">{t("loading")}</p> : null}
        {state.kind === "message" ? (
          <p role={state.notFound ? "status" : "alert"} className="text-sm" data-testid="lookup-message">
            {state.text}
          </p>
        ) : null}
        {state.kind === "found" && a ? (
          <div className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800" data-testid="lookup-result">
            <p className="font-medium">
              <span className="font-mono">{a.code}</span> — {a.name ?? t("none")}{" "}
              <span className={a.valid ? "text-green-700 dark:text-green-300" : "text-red-700 dark:text-red-300"}>
                {a.valid ? t("valid") : t("notValid", { status: a.status ? codeLabel("affiliateStatus", a.status) : t("none") })}
              </span>
            </p>
            <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 md:grid-cols-[auto_minmax(0,1fr)_auto_minmax(0,1fr)]">
              <dt>{t("fields.email")}</dt>
              <dd className="break-all">{a.email ?? t("none")}</dd>
              <dt>{t("fields.commission")}</dt>
              <dd>{a.commissionRatePercent === null ? t("none") : format.number(a.commissionRatePercent / 100, { style: "percent", maximumFractionDigits: 2 })}</dd>
              <dt>{t("fields.referrals")}</dt>
              <dd>{num(a.referrals)}</dd>
              <dt>{t("fields.sales")}</dt>
              <dd>{num(a.sales)}</dd>
              <dt>{t("fields.earnings")}</dt>
              <dd>{a.earnings ? formatMoney(a.earnings, locale) : t("none")}</dd>
              <dt>{t("fields.visits")}</dt>
              <dd>{num(a.visits)}</dd>
              <dt>{t("fields.firstVisit")}</dt>
              <dd>{when(a.firstVisitAt)}</dd>
              <dt>{t("fields.lastVisit")}</dt>
              <dd>{when(a.lastVisitAt)}</dd>
              <dt>{t("fields.joined")}</dt>
              <dd>{when(a.joinedAt)}</dd>
              <dt>{t("fields.suspended")}</dt>
              <dd>{a.suspendedAt ? (a.suspendedReason ? t("suspendedBecause", { at: when(a.suspendedAt), reason: a.suspendedReason }) : when(a.suspendedAt)) : t("no")}</dd>
            </dl>
            <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
              {state.cached ? t("cachedAt", { at: when(state.fetchedAt, "time") }) : t("fetchedAt", { at: when(state.fetchedAt, "time") })}
              <button type="button" onClick={() => void lookup(true)} className={buttonClass("secondary", "min-h-11")}>
                {t("refresh")}
              </button>
            </p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
