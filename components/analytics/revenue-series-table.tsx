// The revenue chart's text alternative: the same buckets and amounts as the one table (a card per bucket
// on a phone), inside a disclosure. One row per bucket of the range, so no pages.
import { useLocale, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { formatMoney } from "@/lib/money";
import type { Interval } from "@/lib/analytics/date-range";
import type { SeriesPoint } from "@/lib/analytics/schemas";
import { bucketLabel } from "./format";

export function RevenueSeriesTable({ series, currency, interval }: { series: SeriesPoint[]; currency: string; interval: Interval }) {
  const t = useTranslations("Analytics.chart");
  const locale = useLocale();
  const money = (minor: number) => formatMoney({ minor, currency }, locale);
  const columns: Column<SeriesPoint>[] = [
    { id: "bucket", header: t("bucket"), card: "title", cell: (p) => bucketLabel(p.bucket, interval, locale) },
    { id: "revenue", header: t("revenue"), align: "right", card: "amount", cell: (p) => money(p.revenue) },
    { id: "paidSales", header: t("paidSales"), align: "right", cell: (p) => p.paidCount.toLocaleString(locale) },
  ];
  if (series.some((p) => p.previousBucket !== null)) {
    columns.push({ id: "previousRevenue", header: t("previousRevenue"), align: "right", cell: (p) => (p.previousRevenue === null ? "—" : money(p.previousRevenue)) });
  }
  return (
    <details className="mt-3 text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-zinc-600 dark:text-zinc-400">{t("showTable")}</summary>
      <DataTable label={t("showTable")} testId="revenue-series-table" columns={columns} rows={series} rowKey={(p) => p.bucket} />
    </details>
  );
}
