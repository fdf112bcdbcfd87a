"use client";
// Paid revenue per bucket with the comparison series (dashed). Recharts' accessibility layer makes the
// tooltip reachable with the keyboard (focus the chart, then arrow keys); the caller also renders the
// same figures as a table. Loaded through lazy-charts.tsx, after the page's content: its props are plain
// data a server page can pass (the money formatter is built here, in the member's language).
import { useLocale } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { chartMoneyFormatter } from "@/components/analytics/format";
import { SERIES_COLOURS } from "./palette";
import { REVENUE_CHART_HEIGHT } from "./sizes";

export type RevenueChartPoint = { label: string; revenue: number; previousRevenue: number | null };

export function RevenueChart({
  points,
  currency,
  currentLabel,
  previousLabel,
  description,
}: {
  points: RevenueChartPoint[];
  /** The series' currency: axis and tooltip amounts in its format (amounts are major units). */
  currency: string;
  currentLabel: string;
  previousLabel: string | null;
  description: string;
}) {
  const formatMoney = chartMoneyFormatter(currency, useLocale());
  return (
    <div className="w-full text-zinc-600 dark:text-zinc-400" style={{ height: REVENUE_CHART_HEIGHT }} role="figure" aria-label={description} data-testid="revenue-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} accessibilityLayer margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="label" stroke="currentColor" tick={{ fill: "currentColor", fontSize: 12 }} minTickGap={16} />
          <YAxis stroke="currentColor" tick={{ fill: "currentColor", fontSize: 12 }} tickFormatter={(v: number) => formatMoney(v)} width={96} />
          <Tooltip
            formatter={(v) => formatMoney(Number(v))}
            contentStyle={{ background: "var(--tooltip-bg, #fff)", color: "#18181b", borderRadius: 6 }}
          />
          <Legend />
          <Line type="monotone" dataKey="revenue" name={currentLabel} stroke={SERIES_COLOURS.current} strokeWidth={2} dot={false} isAnimationActive={false} />
          {previousLabel ? (
            <Line type="monotone" dataKey="previousRevenue" name={previousLabel} stroke={SERIES_COLOURS.previous} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls={false} />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
