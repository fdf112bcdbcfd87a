// The affiliate's page body (issue 21), rendered on the server: who and with which store, status and
// commission rate, the period control, per currency their paid sales, revenue and commission, a revenue
// chart per currency, and the per-product table (the one DataTable; a card per row on a phone). Only
// figures: no customer's name, e-mail, phone or sale reference ever reaches this component.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { bucketLabel, toChartMajor } from "@/components/analytics/format";
import { LazyRevenueChart } from "@/components/charts/lazy-charts";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { Card } from "@/components/ui/card";
import { DateRangeFilter } from "@/components/ui/date-range-filter";
import { useCodeLabel } from "@/components/ui/use-code-label";
import type { AffiliatePageFigures, ProductRow } from "@/lib/affiliate-share/figures";
import { autoInterval, bucketOf, bucketsOf } from "@/lib/analytics/date-range";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { formatMoney } from "@/lib/money";

const MUTED = "text-sm text-zinc-600 dark:text-zinc-400";

export type AffiliatePageViewProps = {
  figures: AffiliatePageFigures;
  storeName: string | null;
  token: string;
  query: SearchParamsRecord;
  timeZone: string;
  today: string;
  updatedAt: string;
};

export function AffiliatePageView({ figures, storeName, token, query, timeZone, today, updatedAt }: AffiliatePageViewProps) {
  const t = useTranslations("AffiliatePage");
  const code = useCodeLabel();
  const locale = useLocale();
  const format = useFormatter();
  const { affiliate, totals, products, days } = figures;
  const name = affiliate.name ?? affiliate.code;
  const money = (minor: number, currency: string) => formatMoney({ minor, currency }, locale);
  const first = days[0]?.day ?? today;
  const range = { from: figures.range.from ?? first, to: figures.range.to ?? today };
  const interval = autoInterval(range);
  const productColumns: Column<ProductRow>[] = [
    { id: "product", header: t("product"), card: "title", alwaysVisible: true, cell: (p) => p.productName ?? p.productId },
    { id: "revenue", header: t("revenue"), align: "right", card: "amount", cell: (p) => money(p.revenue, p.currency) },
    { id: "sales", header: t("sales"), align: "right", cell: (p) => format.number(p.sales) },
    { id: "commission", header: t("commission"), align: "right", cell: (p) => (p.commission === null ? t("commissionUnknown") : money(p.commission, p.currency)) },
    { id: "currency", header: t("currency"), cell: (p) => p.currency },
  ];

  return (
    <div className="space-y-6" data-testid="affiliate-page">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{storeName ? t("heading", { name, store: storeName }) : t("headingNoStore", { name })}</h1>
        <p className={MUTED}>{t("intro", { code: affiliate.code })}</p>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-2">
            <dt className="text-zinc-600 dark:text-zinc-400">{t("status")}</dt>
            <dd data-testid="affiliate-page-status">{affiliate.status ? code("affiliateStatus", affiliate.status) : t("unknown")}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-zinc-600 dark:text-zinc-400">{t("commissionRate")}</dt>
            <dd data-testid="affiliate-page-rate">{affiliate.commissionRatePercent === null ? t("unknown") : format.number(affiliate.commissionRatePercent / 100, { style: "percent", maximumFractionDigits: 2 })}</dd>
          </div>
        </dl>
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="affiliate-page-updated">
          {t("updated", { time: updatedAt })} · {t("live")}
        </p>
      </header>

      <Card title={t("period")}>
        <DateRangeFilter pathname={`/a/${encodeURIComponent(token)}`} query={query} from={figures.range.from ?? null} to={figures.range.to ?? null} today={today} timeZone={timeZone} testId="affiliate-page-range" />
      </Card>

      <Card title={t("totals")} testId="affiliate-page-totals">
        {totals.length === 0 ? (
          <p className={MUTED}>{t("noSales")}</p>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {totals.map((c) => (
              <dl key={c.currency} className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800" data-testid={`affiliate-page-total-${c.currency}`} data-currency={c.currency}>
                <div>
                  <dt className={MUTED}>{t("revenue")}</dt>
                  <dd className="text-xl font-semibold" data-testid="total-revenue">{money(c.revenue, c.currency)}</dd>
                </div>
                <div className="mt-2 flex justify-between gap-2 text-sm">
                  <dt>{t("sales")}</dt>
                  <dd data-testid="total-sales">{format.number(c.sales)}</dd>
                </div>
                <div className="flex justify-between gap-2 text-sm">
                  <dt>{t("commission")}</dt>
                  <dd data-testid="total-commission">{c.commission === null ? t("commissionUnknown") : money(c.commission, c.currency)}</dd>
                </div>
              </dl>
            ))}
          </div>
        )}
      </Card>

      {totals.map((c) => {
        const byBucket = new Map(bucketsOf(range, interval).map((b) => [b, 0]));
        for (const d of days) if (d.currency === c.currency && byBucket.has(bucketOf(d.day, interval))) byBucket.set(bucketOf(d.day, interval), byBucket.get(bucketOf(d.day, interval))! + d.revenue);
        const title = t("chart", { interval: t(`interval.${interval}`), currency: c.currency });
        return (
          <Card key={c.currency} title={title}>
            <LazyRevenueChart
              points={[...byBucket].map(([b, revenue]) => ({ label: bucketLabel(b, interval, locale), revenue: toChartMajor(revenue, c.currency), previousRevenue: null }))}
              currency={c.currency}
              currentLabel={t("revenue")}
              previousLabel={null}
              description={title}
            />
          </Card>
        );
      })}

      <Card title={t("products")} testId="affiliate-page-products">
        {products.length === 0 ? (
          <p className={MUTED}>{t("noSales")}</p>
        ) : (
          <DataTable label={t("products")} testId="affiliate-page-products-table" columns={productColumns} rows={products} rowKey={(p) => `${p.productId}:${p.currency}`} columnMenu={false} />
        )}
      </Card>
    </div>
  );
}
