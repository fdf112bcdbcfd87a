"use client";
// Charts loaded on demand: Recharts is only fetched by the pages that render one of these, never by
// the shared dashboard layout (checked in bench/README.md "Analytics").
import dynamic from "next/dynamic";

function ChartPlaceholder() {
  return <div className="h-72 w-full animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800" aria-busy="true" />;
}

export const LazyRevenueChart = dynamic(() => import("./revenue-chart").then((m) => m.RevenueChart), { ssr: false, loading: ChartPlaceholder });
export const LazyBreakdownChart = dynamic(() => import("./breakdown-chart").then((m) => m.BreakdownChart), { ssr: false, loading: ChartPlaceholder });
export const LazyCustomerSplitChart = dynamic(() => import("./customer-split-chart").then((m) => m.CustomerSplitChart), { ssr: false, loading: ChartPlaceholder });
