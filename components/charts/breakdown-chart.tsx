"use client";
// One breakdown as horizontal bars of paid revenue (the top entries); the table next to it carries
// every row. Keyboard-reachable tooltip through Recharts' accessibility layer. Plain-data props (a
// server page passes them through lazy-charts.tsx); amounts are major units of `currency`.
import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { chartMoneyFormatter } from "@/components/analytics/format";
import { SERIES_COLOURS } from "./palette";
import { breakdownChartHeight } from "./sizes";

export type BreakdownChartBar = { label: string; revenue: number };

export function BreakdownChart({ bars, currency, seriesLabel, description }: { bars: BreakdownChartBar[]; currency: string; seriesLabel: string; description: string }) {
  const formatMoney = chartMoneyFormatter(currency, useLocale());
  const height = breakdownChartHeight(bars.length);
  return (
    <div className="w-full text-zinc-600 dark:text-zinc-400" style={{ height }} role="figure" aria-label={description}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" accessibilityLayer margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
          <XAxis type="number" stroke="currentColor" tick={{ fill: "currentColor", fontSize: 12 }} tickFormatter={(v: number) => formatMoney(v)} />
          <YAxis type="category" dataKey="label" stroke="currentColor" tick={{ fill: "currentColor", fontSize: 12 }} width={140} />
          <Tooltip formatter={(v) => formatMoney(Number(v))} contentStyle={{ color: "#18181b", borderRadius: 6 }} />
          <Bar dataKey="revenue" name={seriesLabel} fill={SERIES_COLOURS.bars} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
