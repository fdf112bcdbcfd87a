"use client";
// Lookup by referral code: the code goes to the API as a query parameter (the server sends it to Chariow
// as one URL-encoded path segment). An unknown code says "No affiliate with this code"; answers are cached
// a few minutes on the server, and "Refresh" asks Chariow again. With the API budget spent, it says when
// to try again (the server's `retryAt`).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";

type View = {
  code: string | null; name: string | null; email: string | null; status: string | null; valid: boolean; commissionRatePercent: number | null;
  referrals: number | null; sales: number | null; earnings: { minor: number; currency: string } | null; visits: number | null;
  firstVisitAt: string | null; lastVisitAt: string | null; suspendedAt: string | null; suspendedReason: string | null; joinedAt: string | null;
};
type State = { kind: "idle" } | { kind: "loading" } | { kind: "found"; affiliate: View; cached: boolean; fetchedAt: string } | { kind: "message"; text: string; notFound: boolean };

export function LookupForm({ locale }: { locale: string }) {
  const t = useTranslations("Affiliates.lookup");
  const [code, setCode] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });

  async function lookup(refresh: boolean) {
    if (code.trim() === "") return setState({ kind: "message", text: t("errors.empty"), notFound: false });
    setState({ kind: "loading" });
    try {
      const qs = new URLSearchParams({ code, ...(refresh ? { refresh: "1" } : {}) });
      const res = await fetch(`/api/affiliates/lookup?${qs.toString()}`);
      const body = await res.json();
      if (res.ok) setState({ kind: "found", affiliate: body.affiliate, cached: body.cached, fetchedAt: body.fetchedAt });
      else if (body?.error?.code === "affiliate_not_found") setState({ kind: "message", text: t("notFound", { code: code.trim() }), notFound: true });
      // The API budget is spent (the server answers at once rather than wait): say when it comes back.
      else if (body?.error?.code === "chariow_rate_limited" && typeof body.error.retryAt === "string") setState({ kind: "message", text: t("errors.budget", { at: clockTime(body.error.retryAt) }), notFound: false });
      else setState({ kind: "message", text: body?.error?.message ?? t("errors.generic"), notFound: false });
    } catch {
      setState({ kind: "message", text: t("errors.generic"), notFound: false });
    }
  }

  const clockTime = (iso: string) => new Intl.DateTimeFormat(locale, { timeStyle: "medium" }).format(new Date(iso));
  const num = (n: number | null) => (n === null ? "—" : new Intl.NumberFormat(locale).format(n));
  const when = (iso: string | null) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : "—");

  return (
    <section aria-labelledby="lookup-title" className="space-y-3" data-testid="affiliate-lookup">
      <h2 id="lookup-title" className="text-lg font-semibold">{t("title")}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void lookup(false); }} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">{t("label")}
          <input name="code" value={code} onChange={(e) => setCode(e.target.value)} maxLength={100} className="rounded border px-2 py-1 font-mono" autoComplete="off" />
        </label>
        <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-sm text-white dark:bg-zinc-100 dark:text-zinc-900" disabled={state.kind === "loading"}>{t("submit")}</button>
      </form>
      <div aria-live="polite">
        {state.kind === "loading" ? <p className="text-sm">{t("loading")}</p> : null}
        {state.kind === "message" ? <p role={state.notFound ? "status" : "alert"} className="text-sm" data-testid="lookup-message">{state.text}</p> : null}
        {state.kind === "found" ? (
          <div className="rounded border p-3 text-sm" data-testid="lookup-result">
            <p className="font-medium">
              <span className="font-mono">{state.affiliate.code}</span> — {state.affiliate.name ?? "—"}{" "}
              <span className={state.affiliate.valid ? "text-green-700" : "text-red-700"}>({state.affiliate.valid ? t("valid") : t("notValid", { status: state.affiliate.status ?? "?" })})</span>
            </p>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 md:grid-cols-4">
              <dt>{t("fields.email")}</dt><dd>{state.affiliate.email ?? "—"}</dd>
              <dt>{t("fields.commission")}</dt><dd>{state.affiliate.commissionRatePercent === null ? "—" : `${num(state.affiliate.commissionRatePercent)} %`}</dd>
              <dt>{t("fields.referrals")}</dt><dd>{num(state.affiliate.referrals)}</dd>
              <dt>{t("fields.sales")}</dt><dd>{num(state.affiliate.sales)}</dd>
              <dt>{t("fields.earnings")}</dt><dd>{state.affiliate.earnings ? formatMoney(state.affiliate.earnings, locale) : "—"}</dd>
              <dt>{t("fields.visits")}</dt><dd>{num(state.affiliate.visits)}</dd>
              <dt>{t("fields.firstVisit")}</dt><dd>{when(state.affiliate.firstVisitAt)}</dd>
              <dt>{t("fields.lastVisit")}</dt><dd>{when(state.affiliate.lastVisitAt)}</dd>
              <dt>{t("fields.joined")}</dt><dd>{when(state.affiliate.joinedAt)}</dd>
              <dt>{t("fields.suspended")}</dt><dd>{state.affiliate.suspendedAt ? `${when(state.affiliate.suspendedAt)} — ${state.affiliate.suspendedReason ?? ""}` : t("no")}</dd>
            </dl>
            <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
              {state.cached ? t("cachedAt", { at: when(state.fetchedAt) }) : t("fetchedAt", { at: when(state.fetchedAt) })}{" "}
              <button type="button" onClick={() => void lookup(true)} className="underline">{t("refresh")}</button>
            </p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
