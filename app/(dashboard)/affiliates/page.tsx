// The Affiliates page (DESIGN §3, issue 8): invite (owner, admin, marketing — the form is absent for
// others), look up a code, the affiliates the store knows with their attributed sales per currency over
// a date range (the leaderboard, ?from=&to=), and the invitations the dashboard sent (?status=&q=).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/affiliates/invite-form";
import { LookupForm } from "@/components/affiliates/lookup-form";
import { ExportButton } from "@/components/data-table/export-button";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { defaultPresetFor } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { parsePageQuery } from "@/lib/http/page-query";
import { currentLocale } from "@/lib/i18n/request";
import { formatMoney } from "@/lib/money";
import { INVITATION_STATUSES, invitationsFilterSchema, knownAffiliatesFilterSchema, listInvitations, listKnownAffiliates } from "@/lib/affiliates/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.affiliates"))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);

export default async function AffiliatesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requirePermission("affiliates:read");
  const sp = await searchParams;
  const t = await getTranslations("Affiliates");
  const tp = await getTranslations("pages.affiliates");
  const locale = await currentLocale();
  const db = await getDb();
  // Bad values in the URL are cleared and named (the notice), never an error page.
  const rangeQuery = parsePageQuery(knownAffiliatesFilterSchema, { from: sp.from, to: sp.to });
  const range = rangeQuery.value;
  const invQuery = parsePageQuery(invitationsFilterSchema, { status: one(sp.status) || undefined, q: one(sp.q) || undefined });
  const invFilter = invQuery.value;
  const cleared = [...rangeQuery.cleared, ...invQuery.cleared];
  const [known, invitations] = await Promise.all([listKnownAffiliates(db, range), listInvitations(db, invFilter)]);
  const canExport = can(member.role, "export:csv");
  const preset = defaultPresetFor(locale);
  const day = (iso: string | null) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso)) : "—");
  const qs = (o: Record<string, string | undefined>) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => !!e[1])).toString();

  return (
    <>
      <PageHeader title={tp("title")} description={tp("description")} />
      {cleared.length > 0 ? <div className="mb-6"><ClearedFiltersNotice fields={cleared} /></div> : null}
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        {can(member.role, "affiliates:invite") ? <Card><InviteForm locale={locale} /></Card> : null}
        <Card><LookupForm locale={locale} /></Card>
      </div>

      <Card title={t("known.title")} testId="known-affiliates">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("known.description")}</p>
        <form method="get" className="mb-3 flex flex-wrap items-end gap-3 text-sm" aria-label={t("known.range")}>
          <label className="flex flex-col gap-1">{t("known.from")}<input className="rounded border px-2 py-1" type="date" name="from" defaultValue={range.from} /></label>
          <label className="flex flex-col gap-1">{t("known.to")}<input className="rounded border px-2 py-1" type="date" name="to" defaultValue={range.to} /></label>
          <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white dark:bg-zinc-100 dark:text-zinc-900">{t("known.apply")}</button>
          {canExport ? <ExportButton href={`/api/affiliates/export.csv?${qs({ from: range.from, to: range.to })}`} expectedRows={known.affiliates.length} defaultPreset={preset} filename="affiliates.csv" /> : null}
        </form>
        {known.affiliates.length === 0 ? <p className="text-sm">{t("known.empty")}</p> : (
          <div className="relative overflow-x-auto" tabIndex={0}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("known.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th><th scope="col">{t("known.columns.code")}</th><th scope="col">{t("known.columns.name")}</th><th scope="col">{t("known.columns.status")}</th>
                  <th scope="col">{t("known.columns.joined")}</th><th scope="col">{t("known.columns.source")}</th><th scope="col" className="text-right">{t("known.columns.sales")}</th>
                  <th scope="col" className="text-right">{t("known.columns.revenue")}</th><th scope="col" className="text-right">{t("known.columns.commission")}</th>
                </tr>
              </thead>
              <tbody>
                {known.affiliates.map((a, k) => (
                  <tr key={a.key} className="border-t align-top" data-code={a.code ?? ""}>
                    <td className="py-1 pr-2 tabular-nums">{k + 1}</td>
                    <td className="py-1 pr-2 font-mono">{a.code ?? "—"}</td>
                    <td className="py-1 pr-2">{a.name ?? a.email ?? "—"}</td>
                    <td className="py-1 pr-2">{a.status ?? "—"}</td>
                    <td className="py-1 pr-2">{day(a.joinedAt)}</td>
                    <td className="py-1 pr-2">{t(`known.sources.${a.source as "lookup" | "pulse" | "sale"}`)}</td>
                    <td className="py-1 pr-2 text-right tabular-nums">{a.salesCount}</td>
                    <td className="py-1 pr-2 text-right tabular-nums" data-testid="affiliate-revenue">{a.totals.length === 0 ? "—" : a.totals.map((x) => <div key={x.currency}>{formatMoney({ minor: x.revenue, currency: x.currency }, locale)}</div>)}</td>
                    <td className="py-1 text-right tabular-nums">
                      {a.totals.length === 0 ? (a.commissionRatePercent === null ? "—" : `${a.commissionRatePercent} %`) : a.totals.map((x) => <div key={x.currency}>{x.commission === null ? t("known.unknown") : formatMoney({ minor: x.commission, currency: x.currency }, locale)}</div>)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {known.unattributed.length > 0 ? (
          <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">{t("known.unattributed", { list: known.unattributed.map((x) => `${x.sales} × ${formatMoney({ minor: x.revenue, currency: x.currency }, locale)}`).join(", ") })}</p>
        ) : null}
      </Card>

      <div className="mt-6">
        <Card title={t("invitations.title")} testId="affiliate-invitations">
          <form method="get" className="mb-3 flex flex-wrap items-end gap-3 text-sm" aria-label={t("invitations.filter")}>
            {range.from ? <input type="hidden" name="from" value={range.from} /> : null}
            {range.to ? <input type="hidden" name="to" value={range.to} /> : null}
            <label className="flex flex-col gap-1">{t("invitations.status")}
              <select name="status" defaultValue={invFilter.status} className="rounded border px-2 py-1">
                <option value="all">{t("invitations.statuses.all")}</option>
                {INVITATION_STATUSES.map((s) => <option key={s} value={s}>{t(`invitations.statuses.${s}`)}</option>)}
              </select>
            </label>
            <label className="flex flex-col gap-1">{t("invitations.search")}<input name="q" defaultValue={invFilter.q ?? ""} className="rounded border px-2 py-1" /></label>
            <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white dark:bg-zinc-100 dark:text-zinc-900">{t("invitations.apply")}</button>
            {canExport ? <ExportButton href={`/api/affiliates/invitations/export.csv?${qs({ status: invFilter.status, q: invFilter.q })}`} expectedRows={invitations.length} defaultPreset={preset} filename="affiliate-invitations.csv" /> : null}
          </form>
          {invitations.length === 0 ? <p className="text-sm">{t("invitations.empty")}</p> : (
            <div className="relative overflow-x-auto" tabIndex={0}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("invitations.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("invitations.columns.email")}</th><th scope="col">{t("invitations.columns.status")}</th><th scope="col">{t("invitations.columns.sentAt")}</th>
                    <th scope="col">{t("invitations.columns.expiresAt")}</th><th scope="col">{t("invitations.columns.sentBy")}</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((r) => (
                    <tr key={r.id} className="border-t" data-email={r.email} data-status={r.status}>
                      <td className="py-1 pr-2 font-mono">{r.email}</td>
                      <td className="py-1 pr-2">{t(`invitations.statuses.${r.status}`)}{r.affiliateCode ? ` (${r.affiliateCode})` : ""}</td>
                      <td className="py-1 pr-2">{day(r.sentAt ?? r.recordedAt)}</td>
                      <td className="py-1 pr-2">{day(r.expiresAt)}</td>
                      <td className="py-1">{r.sentBy ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
