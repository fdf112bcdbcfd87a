// Chart heights, shared by the charts and the placeholders shown until Recharts has loaded, so the page
// does not jump when a chart replaces its placeholder.
export const REVENUE_CHART_HEIGHT = 288;
export const CUSTOMER_SPLIT_CHART_HEIGHT = 128;

/** A bar per entry plus the axis. */
export function breakdownChartHeight(bars: number): number {
  return Math.max(120, bars * 32 + 40);
}
