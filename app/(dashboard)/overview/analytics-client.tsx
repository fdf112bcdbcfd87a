"use client";
// The Overview's analytics island: date range (URL), currency switch, KPI cards, revenue chart with its
// comparison series and table alternative, top products. Refetches ["analytics","overview",range] when
// the URL changes; the server page prefetched the first answer. A currency asked in the URL without sales
// in the range is said to have none, never replaced by another currency's figures (as on Revenue).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { CurrencySwitch } from "@/components/analytics/currency-switch";
import { DateRangeControl } from "@/components/analytics/date-range-control";
import { bucketLabel, chartMoneyFormatter, toChartMajor } from "@/components/analytics/format";
import { KpiCards } from "@/components/analytics/kpi-cards";
import { RevenueSeriesTable } from "@/components/analytics/revenue-series-table";
import { TopProducts } from "@/components/analytics/top-products";
import { analyticsQueryString, useAnalyticsParams } from "@/components/analytics/use-analytics-params";
import { LazyRevenueChart } from "@/components/charts/lazy-charts";
import { Alert } from "@/components/ui/alert";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { Card } from "@/components/ui/card";
import type { Overview } from "@/lib/analytics/schemas";
import { apiFetch } from "@/lib/http/api-client";
import { queryKeys } from "@/lib/query/keys";

export function OverviewAnalytics({ initial, initialQuery }: { initial: Overview; initialQuery: string }) {
  const t = useTranslations("Analytics");
  const locale = useLocale();
  const [params, update, cleared] = useAnalyticsParams();
  const { currency: chosen, ...range } = params;
  const query = analyticsQueryString(range);
  const overview = useQuery({
    queryKey: queryKeys.analyticsOverview(Object.fromEntries(new URLSearchParams(query))),
    queryFn: () => apiFetch<Overview>(`/api/analytics/overview?${query}`),
    initialData: query === initialQuery ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const data = overview.data;
  const currency = chosen ?? data?.currencies[0] ?? null;
  const current = data?.byCurrency.find((c) => c.currency === currency) ?? null;
  const askedWithoutSales = Boolean(data && chosen && data.currencies.length > 0 && !data.currencies.includes(chosen));
  const interval = data?.range.interval ?? "day";

  return (
    <div className="space-y-6" data-testid="overview-analytics" aria-busy={overview.isFetching}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <DateRangeControl resolved={data?.range ?? null} />
        {data ? <CurrencySwitch currencies={data.currencies} value={currency} onChange={(c) => update({ currency: c })} /> : null}
      </div>
      <ClearedFiltersNotice fields={cleared} />
      {overview.isError ? <Alert tone="error">{t("errors.load")}</Alert> : null}
      {data && data.currencies.length > 1 ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("currency.note")}</p> : null}
      {askedWithoutSales ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="analytics-empty-currency">{t("emptyInCurrency", { currency: chosen ?? "" })}</p>
      ) : !current || !data ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="analytics-empty">{t("empty")}</p>
      ) : (
        <>
          <KpiCards data={current} />
          <Card title={t("chart.revenueTitle", { interval: t(`chart.intervalWords.${interval}`) })} testId="revenue-chart-card">
            <LazyRevenueChart
              points={current.series.map((p) => ({
                label: bucketLabel(p.bucket, interval, locale),
                revenue: toChartMajor(p.revenue, current.currency),
                previousRevenue: p.previousRevenue === null ? null : toChartMajor(p.previousRevenue, current.currency),
              }))}
              formatMoney={chartMoneyFormatter(current.currency, locale)}
              currentLabel={t("chart.revenue")}
              previousLabel={data.range.compare ? t("chart.previousRevenue") : null}
              description={t("chart.description", { currency: current.currency, interval: t(`chart.intervalWords.${interval}`), from: data.range.from, to: data.range.to })}
            />
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
