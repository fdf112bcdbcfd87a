"use client";
// Charts loaded after the page's content: the server renders the figures and their tables as HTML, and
// Recharts (≈ 370 KB) is fetched by next/dynamic only once the page has hydrated — it is in no page's
// first-load JavaScript (tests/unit/charts/chart-bundle.test.ts keeps every Recharts import behind these
// wrappers; bench/README.md "Analytics" says how to check a build). Until then a placeholder of the
// chart's own height holds its place, so nothing moves when the chart arrives. Props are plain data.
// In low-data mode (components/pwa/low-data.tsx) no chart code is fetched until the member asks: a
// button stands in its place, and the table beside every chart already holds its figures.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState, type ComponentProps, type ReactNode } from "react";
import { useLowData } from "@/components/pwa/low-data";
import { buttonClass } from "@/components/ui/button";
import type { BreakdownChart } from "./breakdown-chart";
import type { CustomerSplitChart } from "./customer-split-chart";
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
const CustomerSplitChartLater = dynamic(() => import("./customer-split-chart").then((m) => m.CustomerSplitChart), { ssr: false, loading: ChartPlaceholder });

/** The chart in its reserved height — or, in low-data mode until asked, a button in its place. */
function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  const lowData = useLowData();
  const [asked, setAsked] = useState(false);
  const t = useTranslations("Offline.lowData");
  if (lowData && !asked) {
    return (
      <div className="flex flex-wrap items-center gap-3 rounded-md border border-dashed border-zinc-300 p-3 text-sm text-zinc-700 dark:border-zinc-700 dark:text-zinc-300" data-testid="chart-on-request">
        <p className="min-w-0 flex-1">{t("chartHidden")}</p>
        <button type="button" className={buttonClass("secondary")} onClick={() => setAsked(true)}>
          {t("showChart")}
        </button>
      </div>
    );
  }
  return (
    <div className="relative" style={{ minHeight: height }}>
      {children}
    </div>
  );
}

export function LazyRevenueChart(props: ComponentProps<typeof RevenueChart>) {
  return (
    <ChartSlot height={REVENUE_CHART_HEIGHT}>
      <RevenueChartLater {...props} />
    </ChartSlot>
  );
}

export function LazyBreakdownChart(props: ComponentProps<typeof BreakdownChart>) {
  return (
    <ChartSlot height={breakdownChartHeight(props.bars.length)}>
      <BreakdownChartLater {...props} />
    </ChartSlot>
  );
}

export function LazyCustomerSplitChart(props: ComponentProps<typeof CustomerSplitChart>) {
  return (
    <ChartSlot height={CUSTOMER_SPLIT_CHART_HEIGHT}>
      <CustomerSplitChartLater {...props} />
    </ChartSlot>
  );
}
