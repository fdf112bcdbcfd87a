"use client";
// New vs returning customers as two bars of paid revenue; the table under it carries customers, sales
// and revenue. Each kind has its own colour and the returning bar is hatched, so the two never differ by
// colour alone; the tooltip is keyboard-reachable through Recharts' accessibility layer. Plain-data props
// (a server page passes them through lazy-charts.tsx); amounts are major units of `currency`.
import { useId } from "react";
import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { chartMoneyFormatter } from "@/components/analytics/format";
import { CUSTOMER_KIND_COLOURS } from "./palette";
import { CUSTOMER_SPLIT_CHART_HEIGHT } from "./sizes";

export type CustomerSplitBar = { kind: "new" | "returning"; label: string; revenue: number };

export function CustomerSplitChart({ bars, currency, seriesLabel, description }: {
  bars: CustomerSplitBar[];
  /** The split's currency: axis and tooltip amounts in its format. */
  currency: string;
  seriesLabel: string;
  description: string;
}) {
  const formatMoney = chartMoneyFormatter(currency, useLocale());
  const hatchId = `returning-hatch-${useId().replace(/:/g, "")}`;
  const fillOf = (kind: CustomerSplitBar["kind"]) => (kind === "returning" ? `url(#${hatchId})` : CUSTOMER_KIND_COLOURS.new);
  return (
    <div className="w-full text-zinc-600 dark:text-zinc-400" style={{ height: CUSTOMER_SPLIT_CHART_HEIGHT }} role="figure" aria-label={description} data-testid="customer-split-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" accessibilityLayer margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <defs>
            <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={CUSTOMER_KIND_COLOURS.returning} />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeOpacity={0.6} strokeWidth="2" />
            </pattern>
          </defs>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
          <XAxis type="number" stroke="currentColor" tick={{ fill: "currentColor", fontSize: 12 }} tickFormatter={(v: number) => formatMoney(v)} />
          <YAxis type="category" dataKey="label" stroke="currentColor" tick={{ fill: "currentColor", fontSize: 12 }} width={140} />
          <Tooltip formatter={(v) => formatMoney(Number(v))} contentStyle={{ color: "#18181b", borderRadius: 6 }} />
          <Bar
            dataKey="revenue"
            name={seriesLabel}
            isAnimationActive={false}
            shape={(props: BarShapeProps) => <Rectangle {...props} fill={fillOf((props.payload as CustomerSplitBar).kind)} />}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
