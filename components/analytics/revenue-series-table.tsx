// The revenue chart's text alternative: the same buckets and amounts as a table, inside a disclosure.
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import type { Interval } from "@/lib/analytics/date-range";
import type { SeriesPoint } from "@/lib/analytics/schemas";
import { bucketLabel } from "./format";

export function RevenueSeriesTable({ series, currency, interval }: { series: SeriesPoint[]; currency: string; interval: Interval }) {
  const t = useTranslations("Analytics.chart");
  const locale = useLocale();
  const hasPrevious = series.some((p) => p.previousBucket !== null);
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">{t("showTable")}</summary>
      <table className="mt-2 w-full text-left" data-testid="revenue-series-table">
        <thead className="text-xs uppercase text-zinc-600 dark:text-zinc-400">
          <tr>
            <th className="py-1 pr-4">{t("bucket")}</th>
            <th className="py-1 pr-4 text-right">{t("revenue")}</th>
            <th className="py-1 pr-4 text-right">{t("paidSales")}</th>
            {hasPrevious ? <th className="py-1 text-right">{t("previousRevenue")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr key={p.bucket} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="py-1 pr-4">{bucketLabel(p.bucket, interval, locale)}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{formatMoney({ minor: p.revenue, currency }, locale)}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{p.paidCount}</td>
              {hasPrevious ? <td className="py-1 text-right tabular-nums">{p.previousRevenue === null ? "—" : formatMoney({ minor: p.previousRevenue, currency }, locale)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
