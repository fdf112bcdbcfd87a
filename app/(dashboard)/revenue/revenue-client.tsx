"use client";
// The Revenue page's island: date range and currency in the URL, then each breakdown (product, channel,
// discount code, campaign, country, payment method, payment gateway) and new vs returning customers as a
// chart, a table and a CSV export. Detail-only breakdowns say how many paid sales they cover. A currency
// asked in the URL without sales in the range is said to have none, not replaced by another.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { BreakdownTable } from "@/components/analytics/breakdown-table";
import { CurrencySwitch } from "@/components/analytics/currency-switch";
import { CustomerSplitTable } from "@/components/analytics/customer-split-table";
import { DateRangeControl } from "@/components/analytics/date-range-control";
import { ExportLink } from "@/components/analytics/export-link";
import { chartMoneyFormatter, toChartMajor } from "@/components/analytics/format";
import { useAnalyticsParams } from "@/components/analytics/use-analytics-params";
import { LazyBreakdownChart, LazyCustomerSplitChart } from "@/components/charts/lazy-charts";
import { Alert } from "@/components/ui/alert";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { Card } from "@/components/ui/card";
import { UNKNOWN_DIMENSION_VALUE } from "@/lib/analytics/breakdown-keys";
import { DETAIL_ONLY_DIMENSIONS, type Breakdown, type BreakdownRow, type RevenueReport } from "@/lib/analytics/schemas";
import { analyticsQueryString } from "@/lib/analytics/url-params";
import { apiFetch } from "@/lib/http/api-client";
import { queryKeys } from "@/lib/query/keys";

const CHART_BARS = 10;

function useRowLabel() {
  const t = useTranslations("Analytics.breakdowns");
  const locale = useLocale();
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  return (b: Breakdown) => (row: BreakdownRow) => {
    if (row.key === UNKNOWN_DIMENSION_VALUE) return b.dimension === "discount" ? t("noDiscount") : b.dimension === "campaign" ? t("noCampaign") : t("unknown");
    if (b.dimension === "country" && /^[A-Z]{2}$/.test(row.key)) return regions.of(row.key) ?? row.key;
    return row.label ?? row.key;
  };
}

export function RevenueAnalytics({ initial, initialQuery, canExport }: { initial: RevenueReport; initialQuery: string; canExport: boolean }) {
  const t = useTranslations("Analytics");
  const locale = useLocale();
  const [params, update, cleared] = useAnalyticsParams();
  const query = analyticsQueryString(params);
  const report = useQuery({
    queryKey: queryKeys.analyticsRevenue(Object.fromEntries(new URLSearchParams(query))),
    queryFn: () => apiFetch<RevenueReport>(`/api/analytics/revenue?${query}`),
    initialData: query === initialQuery ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const labelFor = useRowLabel();
  const data = report.data;
  const currency = data?.currency ?? null;
  const exportHref = (table: string) => {
    const q = new URLSearchParams(analyticsQueryString({ ...params, currency: currency ?? undefined }));
    return `/api/analytics/revenue/${table}/export.csv?${q.toString()}`;
  };

  return (
    <div className="space-y-6" data-testid="revenue-analytics" aria-busy={report.isFetching}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <DateRangeControl resolved={data?.range ?? null} />
        {data ? <CurrencySwitch currencies={data.currencies} value={currency} onChange={(c) => update({ currency: c })} /> : null}
      </div>
      <ClearedFiltersNotice fields={cleared} />
      {report.isError ? <Alert tone="error">{t("errors.load")}</Alert> : null}
      {!data || currency === null ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="analytics-empty">{t("empty")}</p>
      ) : !data.hasSales ? (
        // The URL asked for a currency the range has no sale in: say so under its name (the switch
        // offers the ones that have sales), never show another currency's figures instead.
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="analytics-empty-currency">{t("emptyInCurrency", { currency })}</p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-2">
          {data.breakdowns.map((b) => {
            const labelOf = labelFor(b);
            const title = t(`breakdowns.${b.dimension}`);
            return (
              <Card key={b.dimension} title={title} testId={`breakdown-card-${b.dimension}`}>
                {DETAIL_ONLY_DIMENSIONS.includes(b.dimension) ? (
                  <p className="-mt-2 mb-3 text-xs text-zinc-600 dark:text-zinc-400" data-testid={`coverage-${b.dimension}`}>
                    {t("breakdowns.coverage", { known: b.knownPaidCount, total: b.paidCount })}
                  </p>
                ) : null}
                {b.rows.length === 0 ? (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p>
                ) : (
                  <>
                    <LazyBreakdownChart
                      bars={b.rows.slice(0, CHART_BARS).map((r) => ({ label: labelOf(r), revenue: toChartMajor(r.revenue, currency) }))}
                      formatMoney={chartMoneyFormatter(currency, locale)}
                      seriesLabel={t("breakdowns.columns.revenue")}
                      description={`${title} (${currency})`}
                    />
                    <BreakdownTable rows={b.rows} currency={currency} caption={title} labelOf={labelOf} testId={`breakdown-${b.dimension}`} />
                  </>
                )}
                {canExport ? <div className="mt-3"><ExportLink href={exportHref(b.dimension)} testId={`export-${b.dimension}`} /></div> : null}
              </Card>
            );
          })}
          <Card title={t("breakdowns.customers")} testId="breakdown-card-customers">
            <p className="-mt-2 mb-3 text-xs text-zinc-600 dark:text-zinc-400">{t("breakdowns.customersNote", { unknown: data.unknownCustomerSales })}</p>
            {data.customers.some((c) => c.paidCount > 0) ? (
              <LazyCustomerSplitChart
                bars={data.customers.map((c) => ({ kind: c.kind, label: t(`breakdowns.kinds.${c.kind}`), revenue: toChartMajor(c.revenue, currency) }))}
                formatMoney={chartMoneyFormatter(currency, locale)}
                seriesLabel={t("breakdowns.columns.revenue")}
                description={`${t("breakdowns.customers")} (${currency})`}
              />
            ) : null}
            <CustomerSplitTable split={data.customers} currency={currency} />
            {canExport ? <div className="mt-3"><ExportLink href={exportHref("customers")} testId="export-customers" /></div> : null}
          </Card>
        </div>
      )}
    </div>
  );
}
