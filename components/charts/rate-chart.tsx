"use client";
// The payment success rate per bucket with the comparison period's (dashed), 0–100 %. Loaded through
// lazy-charts.tsx after the page's content; the page renders the same figures as a table.
import { useLocale } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLOURS } from "./palette";
import { REVENUE_CHART_HEIGHT } from "./sizes";

export type RateChartPoint = { label: string; rate: number | null; previousRate: number | null };

export function RateChart({ points, currentLabel, previousLabel, description }: { points: RateChartPoint[]; currentLabel: string; previousLabel: string | null; description: string }) {
  const percent = new Intl.NumberFormat(useLocale(), { style: "percent", maximumFractionDigits: 0 });
  const fmt = (v: unknown) => (typeof v === "number" ? percent.format(v) : "—");
  return (
    <div className="w-full text-zinc-600 dark:text-zinc-400" style={{ height: REVENUE_CHART_HEIGHT }} role="figure" aria-label={description} data-testid="rate-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} accessibilityLayer margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="label" stroke="currentColor" tick={{ fill: "currentColor", fontSize: 12 }} minTickGap={16} />
          <YAxis stroke="currentColor" tick={{ fill: "currentColor", fontSize: 12 }} domain={[0, 1]} tickFormatter={fmt} width={48} />
          <Tooltip formatter={fmt} contentStyle={{ background: "var(--tooltip-bg, #fff)", color: "#18181b", borderRadius: 6 }} />
          <Legend />
          <Line type="monotone" dataKey="rate" name={currentLabel} stroke={SERIES_COLOURS.current} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          {previousLabel ? (
            <Line type="monotone" dataKey="previousRate" name={previousLabel} stroke={SERIES_COLOURS.previous} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls={false} />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
