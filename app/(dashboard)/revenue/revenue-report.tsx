// The Revenue page's figures for the URL's range and currency, rendered on the server: each breakdown
// (product, channel, discount code, campaign, country, payment method, payment gateway) and new vs
// returning customers as the one table with its export control — readable before JavaScript — and a bar
// chart loaded after the content. Detail-only breakdowns say how many paid sales they cover. A currency
// asked in the URL without sales in the range is said to have none, never replaced by another.
import { useTranslations } from "next-intl";
import { useBreakdownLabel } from "@/components/analytics/breakdown-label";
import { BreakdownTable } from "@/components/analytics/breakdown-table";
import { CurrencySwitch } from "@/components/analytics/currency-switch";
import { CustomerSplitTable } from "@/components/analytics/customer-split-table";
import { DateRangeControl } from "@/components/analytics/date-range-control";
import { toChartMajor } from "@/components/analytics/format";
import { ChartOnRequest, SHOW_CHARTS_PARAM } from "@/components/charts/chart-on-request";
import { LazyBreakdownChart, LazyCustomerSplitChart } from "@/components/charts/lazy-charts";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import type { RevenueTable } from "@/lib/analytics/query-schemas";
import { DETAIL_ONLY_DIMENSIONS, type RevenueReport } from "@/lib/analytics/schemas";
import { analyticsQueryString, type AnalyticsParams } from "@/lib/analytics/url-params";
import type { SearchParamsRecord } from "@/lib/http/page-query";

const PATHNAME = "/revenue";
/** Bars in a breakdown's chart (the biggest by revenue); the table has every row. */
const CHART_BARS = 10;
const MUTED = "text-sm text-zinc-600 dark:text-zinc-400";

/** This page's address (every key of its query kept) with the charts asked for. */
function withChartsShown(query: SearchParamsRecord): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) q.append(key, v);
  q.set(SHOW_CHARTS_PARAM, "1");
  return `${PATHNAME}?${q.toString()}`;
}

export type RevenueReportViewProps = {
  report: RevenueReport;
  params: AnalyticsParams;
  cleared: string[];
  /** The page's whole query: the tables' sort and page keys live beside the range's. */
  query: SearchParamsRecord;
  canExport: boolean;
  /** Low-data mode without `charts=1`: no chart until asked, one link for all of them (docs/offline.md). */
  chartOnRequest?: boolean;
};

export function RevenueReportView({ report, params, cleared, query, canExport, chartOnRequest = false }: RevenueReportViewProps) {
  const t = useTranslations("Analytics");
  const labelFor = useBreakdownLabel();
  const { currency, range } = report;
  // The file name the export route gives (lib/analytics/export.ts), for the download the control starts.
  const exportOf = (table: RevenueTable) =>
    canExport && currency
      ? {
          href: `/api/analytics/revenue/${table}/export.csv?${analyticsQueryString({ ...params, currency })}`,
          filename: `revenue-${table}-${currency}-${range.from}_${range.to}.csv`,
        }
      : null;

  return (
    <div className="space-y-6" data-testid="revenue-analytics">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <DateRangeControl resolved={range} params={params} />
        <CurrencySwitch currencies={report.currencies} value={currency} pathname={PATHNAME} params={params} />
      </div>
      <ClearedFiltersNotice fields={cleared} />
      {currency === null ? (
        <p className={MUTED} data-testid="analytics-empty">
          {t("empty")}
        </p>
      ) : !report.hasSales ? (
        // The URL asked for a currency the range has no sale in: say so under its name (the switch
        // offers the ones that have sales), never show another currency's figures instead.
        <p className={MUTED} data-testid="analytics-empty-currency">
          {t("emptyInCurrency", { currency })}
        </p>
      ) : (
        <>
          {chartOnRequest ? <ChartOnRequest href={withChartsShown(query)} /> : null}
          <div className="grid gap-6 xl:grid-cols-2">
            {report.breakdowns.map((b) => {
              const labelOf = labelFor(b.dimension);
              const title = t(`breakdowns.${b.dimension}`);
              return (
                <Card key={b.dimension} title={title} testId={`breakdown-card-${b.dimension}`}>
                  {DETAIL_ONLY_DIMENSIONS.includes(b.dimension) ? (
                    <p className="-mt-2 mb-3 text-xs text-zinc-600 dark:text-zinc-400" data-testid={`coverage-${b.dimension}`}>
                      {t("breakdowns.coverage", { known: b.knownPaidCount, total: b.paidCount })}
                    </p>
                  ) : null}
                  {b.rows.length === 0 ? (
                    <p className={MUTED}>{t("empty")}</p>
                  ) : (
                    <div className="space-y-3">
                      {chartOnRequest ? null : (
                        <LazyBreakdownChart
                          bars={b.rows.slice(0, CHART_BARS).map((r) => ({ label: labelOf(r), revenue: toChartMajor(r.revenue, currency) }))}
                          currency={currency}
                          seriesLabel={t("breakdowns.columns.revenue")}
                          description={`${title} (${currency})`}
                        />
                      )}
                      <BreakdownTable breakdown={b} caption={title} labelOf={labelOf} url={{ pathname: PATHNAME, query }} exportControl={exportOf(b.dimension)} testId={`breakdown-${b.dimension}`} />
                    </div>
                  )}
                </Card>
              );
            })}
            <Card title={t("breakdowns.customers")} testId="breakdown-card-customers">
              <p className="-mt-2 mb-3 text-xs text-zinc-600 dark:text-zinc-400">{t("breakdowns.customersNote", { unknown: report.unknownCustomerSales })}</p>
              <div className="space-y-3">
                {!chartOnRequest && report.customers.some((c) => c.paidCount > 0) ? (
                  <LazyCustomerSplitChart
                    bars={report.customers.map((c) => ({ kind: c.kind, label: t(`breakdowns.kinds.${c.kind}`), revenue: toChartMajor(c.revenue, currency) }))}
                    currency={currency}
                    seriesLabel={t("breakdowns.columns.revenue")}
                    description={`${t("breakdowns.customers")} (${currency})`}
                  />
                ) : null}
                <CustomerSplitTable split={report.customers} currency={currency} exportControl={exportOf("customers")} />
              </div>
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
