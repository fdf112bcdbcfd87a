// The Overview's figures for the URL's range, rendered on the server (no JavaScript needed to read them):
// the date range control, the currency switch, the KPI cards, paid revenue by interval — its table at once,
// its chart loaded after the content — and the top products. A currency asked in the URL without sales in
// the range is said to have none, never replaced by another currency's figures (as on Revenue).
import { useLocale, useTranslations } from "next-intl";
import { CurrencySwitch } from "@/components/analytics/currency-switch";
import { DateRangeControl } from "@/components/analytics/date-range-control";
import { bucketLabel, toChartMajor } from "@/components/analytics/format";
import { KpiCards } from "@/components/analytics/kpi-cards";
import { RevenueSeriesTable } from "@/components/analytics/revenue-series-table";
import { TopProducts } from "@/components/analytics/top-products";
import { ChartOnRequest, SHOW_CHARTS_PARAM } from "@/components/charts/chart-on-request";
import { LazyRevenueChart } from "@/components/charts/lazy-charts";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import type { Overview } from "@/lib/analytics/schemas";
import { analyticsQueryString, type AnalyticsParams } from "@/lib/analytics/url-params";
import { formatDateTime } from "@/lib/format/date-time";

const MUTED = "text-sm text-zinc-600 dark:text-zinc-400";

/** `chartOnRequest`: low-data mode without `charts=1` — the chart waits for a tap (docs/offline.md). */
export function OverviewAnalytics({ overview, params, cleared, chartOnRequest = false }: { overview: Overview; params: AnalyticsParams; cleared: string[]; chartOnRequest?: boolean }) {
  const t = useTranslations("Analytics");
  const locale = useLocale();
  const chosen = params.currency;
  const currency = chosen ?? overview.currencies[0] ?? null;
  const current = overview.byCurrency.find((c) => c.currency === currency) ?? null;
  const askedWithoutSales = Boolean(chosen && overview.currencies.length > 0 && !overview.currencies.includes(chosen));
  const interval = overview.range.interval;
  const intervalWord = t(`chart.intervalWords.${interval}`);
  const day = (value: string) => formatDateTime(value, { locale, timeZone: "UTC" }, "date");

  return (
    <div className="space-y-6" data-testid="overview-analytics">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <DateRangeControl resolved={overview.range} params={params} />
        <CurrencySwitch currencies={overview.currencies} value={currency} pathname="/overview" params={params} />
      </div>
      <ClearedFiltersNotice fields={cleared} />
      {overview.currencies.length > 1 ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("currency.note")}</p> : null}
      {askedWithoutSales ? (
        <p className={MUTED} data-testid="analytics-empty-currency">
          {t("emptyInCurrency", { currency: chosen ?? "" })}
        </p>
      ) : !current ? (
        <p className={MUTED} data-testid="analytics-empty">
          {t("empty")}
        </p>
      ) : (
        <>
          <KpiCards data={current} />
          <Card title={t("chart.revenueTitle", { interval: intervalWord })} testId="revenue-chart-card">
            {chartOnRequest ? (
              <ChartOnRequest href={`/overview?${analyticsQueryString(params)}&${SHOW_CHARTS_PARAM}=1`} />
            ) : (
              <LazyRevenueChart
                points={current.series.map((p) => ({
                  label: bucketLabel(p.bucket, interval, locale),
                  revenue: toChartMajor(p.revenue, current.currency),
                  previousRevenue: p.previousRevenue === null ? null : toChartMajor(p.previousRevenue, current.currency),
                }))}
                currency={current.currency}
                currentLabel={t("chart.revenue")}
                previousLabel={overview.range.compare ? t("chart.previousRevenue") : null}
                description={t("chart.description", { currency: current.currency, interval: intervalWord, from: day(overview.range.from), to: day(overview.range.to) })}
              />
            )}
            <RevenueSeriesTable series={current.series} currency={current.currency} interval={interval} />
          </Card>
          <Card title={t("topProducts.title")} testId="top-products-card">
            <TopProducts products={current.topProducts} currency={current.currency} />
          </Card>
        </>
      )}
    </div>
  );
}
