// The Settlements page (DESIGN §3): Chariow's payouts per currency and local due day — settled (with its
// date), due, overdue — gross, Chariow's net and what it kept, the fees as reported, what is still unknown (not enriched),
// and the sales behind any payout (?currency=&day=). Server-rendered: the range lives in the URL.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportButton } from "@/components/data-table/export-button";
import { PayoutSales } from "@/components/settlements/payout-sales";
import { PayoutTimeline } from "@/components/settlements/payout-timeline";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { defaultPresetFor } from "@/lib/csv/presets";
import { parsePageQuery } from "@/lib/http/page-query";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { currentLocale } from "@/lib/i18n/request";
import { formatMoney } from "@/lib/money";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { listPayoutSales, listSettlements, payoutGroupSchema, resolveSettlementRange, settlementRangeSchema } from "@/lib/settlements";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.settlements"))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);

export default async function SettlementsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requirePermission("settlements:read");
  const sp = await searchParams;
  const t = await getTranslations("Settlements");
  const tp = await getTranslations("pages.settlements");
  const locale = await currentLocale();
  const db = await getDb();
  const timeZone = await getStoreTimeZone(db);
  // A bad day in the URL is cleared and named (the notice below), never an error page.
  const asked = parsePageQuery(settlementRangeSchema, { from: sp.from, to: sp.to });
  const range = resolveSettlementRange(asked.value, timeZone);
  const timeline = await listSettlements(db, range, timeZone);
  const group = payoutGroupSchema.safeParse({ currency: one(sp.currency), day: one(sp.day) });
  const drillAsked = one(sp.currency) !== undefined || one(sp.day) !== undefined;
  const cleared = [...asked.cleared, ...(drillAsked && !group.success ? new Set(group.error.issues.map((i) => String(i.path[0]))) : [])];
  const drill = group.success ? await listPayoutSales(db, { currency: group.data.currency, dueDay: group.data.day }, timeZone) : null;
  const money = (minor: number | null, currency: string | null) => (minor === null || !currency ? t("unknown") : formatMoney({ minor, currency }, locale));
  const href = (currency: string, day: string) => `/settlements?${new URLSearchParams({ from: range.from, to: range.to, currency, day }).toString()}`;
  const pct = (rate: number | null) => (rate === null ? t("unknown") : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(rate));

  return (
    <>
      <PageHeader title={tp("title")} description={tp("description")} />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 text-sm" aria-label={t("range.label")}>
        <label className="flex flex-col gap-1">{t("range.from")}<input className="rounded border px-2 py-1" type="date" name="from" defaultValue={range.from} /></label>
        <label className="flex flex-col gap-1">{t("range.to")}<input className="rounded border px-2 py-1" type="date" name="to" defaultValue={range.to} /></label>
        <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white dark:bg-zinc-100 dark:text-zinc-900">{t("range.apply")}</button>
        <span className="text-zinc-600 dark:text-zinc-400">{t("range.timeZone", { timeZone })}</span>
      </form>
      {cleared.length > 0 ? <div className="mb-6"><ClearedFiltersNotice fields={cleared} /></div> : null}
      <div className="mb-6 grid gap-4 md:grid-cols-2">
        <Card title={t("totals.title")} testId="settlement-totals">
          {timeline.totals.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p> : (
            <dl className="space-y-3 text-sm">
              {timeline.totals.map((x) => (
                <div key={x.currency} className="grid grid-cols-2 gap-x-4">
                  <dt className="col-span-2 font-medium">{x.currency}</dt>
                  <dt>{t("columns.gross")}</dt><dd className="text-right tabular-nums">{money(x.gross, x.currency)}</dd>
                  <dt>{t("columns.net")}</dt><dd className="text-right font-medium tabular-nums" data-testid="settlement-total-net">{money(x.net, x.currency)}</dd>
                  <dt>{t("columns.deducted")}</dt><dd className="text-right tabular-nums">{money(x.deducted, x.currency)}</dd>
                  <dt>{t("totals.feeRate")}</dt><dd className="text-right tabular-nums">{pct(x.effectiveFeeRate)}</dd>
                  <dt className="text-zinc-600 dark:text-zinc-400">{t("columns.gatewayFee")}</dt><dd className="text-right tabular-nums text-zinc-600 dark:text-zinc-400">{money(x.gatewayFee, x.currency)}</dd>
                  <dt className="text-zinc-600 dark:text-zinc-400">{t("columns.serviceFee")}</dt><dd className="text-right tabular-nums text-zinc-600 dark:text-zinc-400">{money(x.serviceFee, x.currency)}</dd>
                </div>
              ))}
            </dl>
          )}
          <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">{t("netRule")}</p>
        </Card>
        <Card title={t("unknownCard.title")} testId="settlement-unknown">
          <p className="mb-2 text-sm">{t("unknownCard.enrichment", { enriched: timeline.enrichment.enriched, paid: timeline.enrichment.paid })}</p>
          {timeline.unknown.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("unknownCard.none")}</p> : (
            <ul className="text-sm">
              {timeline.unknown.map((u) => <li key={u.currency}>{t("unknownCard.row", { count: u.salesCount, gross: money(u.gross, u.currency) })}</li>)}
            </ul>
          )}
        </Card>
      </div>
      <Card title={t("timeline.title")} testId="payout-timeline-card">
        {can(member.role, "export:csv") ? (
          <div className="mb-3">
            <ExportButton href={`/api/settlements/timeline/export.csv?${new URLSearchParams({ from: range.from, to: range.to }).toString()}`} expectedRows={timeline.groups.length} defaultPreset={defaultPresetFor(locale)} filename={`payouts-${range.from}-${range.to}.csv`} />
          </div>
        ) : null}
        <PayoutTimeline
          emptyMessage={t("empty")}
          labels={{ caption: t("timeline.title"), dueDay: t("columns.dueDay"), currency: t("columns.currency"), status: t("columns.status"), sales: t("columns.sales"), gross: t("columns.gross"), net: t("columns.net"), deducted: t("columns.deducted"), gatewayFee: t("columns.gatewayFee"), serviceFee: t("columns.serviceFee"), open: t("timeline.open") }}
          rows={timeline.groups.map((g) => ({
            key: `${g.currency}-${g.dueDay}`,
            dueDay: g.dueDay,
            currency: g.currency,
            status: g.status,
            statusLabel: g.status === "settled" && g.doneAt ? t("status.settledOn", { day: g.doneAt.slice(0, 10) }) : t(`status.${g.status}`),
            salesCount: g.salesCount,
            gross: money(g.gross, g.currency),
            net: money(g.net, g.currency),
            deducted: money(g.deducted, g.currency),
            gatewayFee: money(g.gatewayFee, g.currency),
            serviceFee: money(g.serviceFee, g.currency),
            href: href(g.currency, g.dueDay),
            selected: group.success && group.data.currency === g.currency && group.data.day === g.dueDay,
          }))}
        />
      </Card>
      {drill && group.success ? (
        <div className="mt-6">
          <Card>
            {can(member.role, "export:csv") ? (
              <a className="mb-3 inline-block rounded border px-3 py-1.5 text-sm" data-testid="payout-export" href={`/api/settlements/export.csv?${new URLSearchParams({ currency: group.data.currency, day: group.data.day }).toString()}`}>{t("drill.export")}</a>
            ) : null}
            <PayoutSales
              title={t("drill.title", { currency: group.data.currency, day: group.data.day, count: drill.length })}
              labels={{ sale: t("drill.sale"), product: t("drill.product"), customer: t("drill.customer"), completedAt: t("drill.completedAt"), gross: t("columns.gross"), net: t("columns.net"), state: t("columns.status") }}
              rows={drill.map((s) => ({
                id: s.id,
                product: s.productName ?? t("unknown"),
                customer: s.customerEmail ?? t("unknown"),
                completedAt: s.completedAt?.slice(0, 16).replace("T", " ") ?? t("unknown"),
                gross: money(s.amount, s.currency),
                net: money(s.net, s.currency),
                state: s.doneAt ? t("status.settledOn", { day: s.doneAt.slice(0, 10) }) : s.overdue ? t("status.overdue") : t("status.due"),
                overdue: s.overdue,
              }))}
            />
          </Card>
        </div>
      ) : null}
    </>
  );
}
