"use client";
// Charts loaded after the page's content: the server renders the figures and their tables as HTML, and
// Recharts (≈ 370 KB) is fetched by next/dynamic only once the page has hydrated — it is in no page's
// first-load JavaScript (tests/unit/charts/chart-bundle.test.ts keeps every Recharts import behind these
// wrappers; bench/README.md "Analytics" says how to check a build). Until then a placeholder of the
// chart's own height holds its place, so nothing moves when the chart arrives. Props are plain data.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import type { BreakdownChart } from "./breakdown-chart";
import type { CustomerSplitChart } from "./customer-split-chart";
import type { RateChart } from "./rate-chart";
import type { RevenueChart } from "./revenue-chart";
import { CUSTOMER_SPLIT_CHART_HEIGHT, REVENUE_CHART_HEIGHT, breakdownChartHeight } from "./sizes";

function ChartPlaceholder() {
  const t = useTranslations("Analytics.chart");
  return (
    <div className="absolute inset-0 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800" aria-busy="true">
      <span className="sr-only">{t("loading")}</span>
    </div>
  );
}

const RevenueChartLater = dynamic(() => import("./revenue-chart").then((m) => m.RevenueChart), { ssr: false, loading: ChartPlaceholder });
const BreakdownChartLater = dynamic(() => import("./breakdown-chart").then((m) => m.BreakdownChart), { ssr: false, loading: ChartPlaceholder });
const RateChartLater = dynamic(() => import("./rate-chart").then((m) => m.RateChart), { ssr: false, loading: ChartPlaceholder });
const CustomerSplitChartLater = dynamic(() => import("./customer-split-chart").then((m) => m.CustomerSplitChart), { ssr: false, loading: ChartPlaceholder });

export function LazyRevenueChart(props: ComponentProps<typeof RevenueChart>) {
  return (
    <div className="relative" style={{ minHeight: REVENUE_CHART_HEIGHT }}>
      <RevenueChartLater {...props} />
    </div>
  );
}

export function LazyBreakdownChart(props: ComponentProps<typeof BreakdownChart>) {
  return (
    <div className="relative" style={{ minHeight: breakdownChartHeight(props.bars.length) }}>
      <BreakdownChartLater {...props} />
    </div>
  );
}

export function LazyCustomerSplitChart(props: ComponentProps<typeof CustomerSplitChart>) {
  return (
    <div className="relative" style={{ minHeight: CUSTOMER_SPLIT_CHART_HEIGHT }}>
      <CustomerSplitChartLater {...props} />
    </div>
  );
}

export function LazyRateChart(props: ComponentProps<typeof RateChart>) {
  return (
    <div className="relative" style={{ minHeight: REVENUE_CHART_HEIGHT }}>
      <RateChartLater {...props} />
    </div>
  );
}
