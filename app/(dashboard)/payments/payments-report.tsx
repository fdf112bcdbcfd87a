// The Payments view (issue 20, docs/payments.md), rendered on the server for the URL's range and currency:
// what is degraded now, the summary with its coverage, the success rate per method, per country and per
// method × country (the one table each, the last one exported), why payments fail per method, mobile
// money vs card per country, and the rate over time against the previous period — for all payments or the
// method / country picked from a table (links: the page works before JavaScript).
import Link from "next/link";
import { useFormatter, useLocale } from "next-intl";
import { CurrencySwitch } from "@/components/analytics/currency-switch";
import { DateRangeControl } from "@/components/analytics/date-range-control";
import { bucketLabel } from "@/components/analytics/format";
import { ChartOnRequest, SHOW_CHARTS_PARAM } from "@/components/charts/chart-on-request";
import { LazyRateChart } from "@/components/charts/lazy-charts";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { hrefWith, pageOf, readTableState } from "@/components/data-table/table-state";
import { DegradedNotice } from "@/components/payments/degraded-notice";
import { usePaymentWords } from "@/components/payments/words";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { analyticsQueryString } from "@/lib/analytics/url-params";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { formatMoney } from "@/lib/money";
import type { CountryMix, PaymentRow, PaymentsParams, PaymentsReport, RatePoint } from "@/lib/payments/schemas";

const PATHNAME = "/payments";
const PAIRS_PAGE_SIZE = 20;
const MUTED = "text-sm text-zinc-600 dark:text-zinc-400";
const LINK = "inline-flex min-h-11 min-w-11 items-center font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400";

export type PaymentsReportViewProps = {
  report: PaymentsReport;
  params: PaymentsParams;
  cleared: string[];
  query: SearchParamsRecord;
  canExport: boolean;
  chartOnRequest?: boolean;
};

export function PaymentsReportView({ report, params, cleared, query, canExport, chartOnRequest = false }: PaymentsReportViewProps) {
  const w = usePaymentWords();
  const { t } = w;
  const format = useFormatter();
  const locale = useLocale();
  const { currency, range } = report;
  const pct = (v: number | null) => (v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 1 }));
  const num = (v: number) => format.number(v);
  const money = (minor: number) => (currency ? formatMoney({ minor, currency }, locale) : "—");
  const seriesHref = (patch: { method?: string | null; country?: string | null }) => `${hrefWith(PATHNAME, query, { method: null, country: null, ...patch }, "pairs_page")}#series`;

  const rateCell = (r: PaymentRow) => (
    <span className="inline-flex flex-col items-end">
      <span className="font-medium">{pct(r.successRate)}</span>
      {r.previousSuccessRate !== null ? <span className="text-xs text-zinc-600 dark:text-zinc-400">{t("summary.previous", { rate: pct(r.previousSuccessRate) })}</span> : null}
    </span>
  );
  const figureColumns: Column<PaymentRow>[] = [
    { id: "attempts", header: t("columns.attempts"), align: "right", cell: (r) => num(r.attempts) },
    { id: "successRate", header: t("columns.successRate"), align: "right", card: "amount", cell: rateCell },
    { id: "failed", header: t("columns.failed"), align: "right", cell: (r) => num(r.failed) },
    { id: "abandoned", header: t("columns.abandoned"), align: "right", cell: (r) => num(r.abandoned) },
    { id: "valueLost", header: t("columns.valueLost"), align: "right", cell: (r) => money(r.valueLost) },
    { id: "medianPay", header: t("columns.medianPay"), align: "right", cell: (r) => w.medianPay(r.medianPay) },
  ];
  const methodColumns: Column<PaymentRow>[] = [
    { id: "method", header: t("columns.method"), alwaysVisible: true, card: "title", cell: (r) => <Link className={LINK} href={seriesHref({ method: r.method })}>{w.method(r.method)}</Link> },
    ...figureColumns,
  ];
  const countryColumns: Column<PaymentRow>[] = [
    { id: "country", header: t("columns.country"), alwaysVisible: true, card: "title", cell: (r) => <Link className={LINK} href={seriesHref({ country: r.country })}>{w.country(r.country)}</Link> },
    ...figureColumns,
  ];
  const pairColumns: Column<PaymentRow>[] = [
    {
      id: "pair",
      header: `${t("columns.method")} · ${t("columns.country")}`,
      alwaysVisible: true,
      card: "title",
      cell: (r) => <Link className={LINK} href={seriesHref({ method: r.method, country: r.country })}>{`${w.method(r.method)} · ${w.country(r.country)}`}</Link>,
    },
    ...figureColumns,
  ];
  const pairsState = readTableState(query, { sort: { column: "attempts", dir: "desc" }, size: PAIRS_PAGE_SIZE }, { prefix: "pairs", sizes: [PAIRS_PAGE_SIZE] });
  const pairsPage = pageOf(report.rows, pairsState);

  type FailureRow = { method: string; reason: string; count: number; share: number };
  const failureRows: FailureRow[] = report.failures.flatMap((f) => f.codes.map((c) => ({ method: f.method, reason: c.code, count: c.count, share: c.count / f.failed })));
  const failureColumns: Column<FailureRow>[] = [
    { id: "method", header: t("columns.method"), card: "title", cell: (r) => w.method(r.method) },
    { id: "reason", header: t("columns.reason"), cell: (r) => w.reason(r.reason) },
    { id: "count", header: t("columns.count"), align: "right", card: "amount", cell: (r) => num(r.count) },
    { id: "share", header: t("columns.share"), align: "right", cell: (r) => pct(r.share) },
  ];
  const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  const mixColumns: Column<CountryMix>[] = [
    { id: "country", header: t("columns.country"), card: "title", cell: (r) => w.country(r.country) },
    { id: "paid", header: t("columns.paidSales"), align: "right", cell: (r) => num(r.paid) },
    { id: "mobileMoney", header: t("columns.mobileMoney"), align: "right", card: "amount", cell: (r) => pct(share(r.mobileMoney, r.paid)) },
    { id: "card", header: t("columns.card"), align: "right", cell: (r) => pct(share(r.card, r.paid)) },
    { id: "other", header: t("columns.other"), align: "right", cell: (r) => pct(share(r.other, r.paid)) },
    { id: "unknown", header: t("columns.unknown"), align: "right", cell: (r) => pct(share(r.unknown, r.paid)) },
  ];

  const subject = report.seriesSubject;
  const subjectWords =
    subject.method !== null && subject.country !== null
      ? `${w.method(subject.method)} · ${w.country(subject.country)}`
      : subject.method !== null
        ? w.method(subject.method)
        : subject.country !== null
          ? w.country(subject.country)
          : t("series.subjectAll");
  const compared = report.series.some((p) => p.previousBucket !== null);
  const seriesColumns: Column<RatePoint>[] = [
    { id: "bucket", header: t("series.bucket"), card: "title", cell: (p) => bucketLabel(p.bucket, range.interval, locale) },
    { id: "rate", header: t("series.rate"), align: "right", card: "amount", cell: (p) => pct(p.successRate) },
    { id: "attempts", header: t("series.attempts"), align: "right", cell: (p) => num(p.attempts) },
    ...(compared ? [{ id: "previousRate", header: t("series.previousRate"), align: "right" as const, cell: (p: RatePoint) => pct(p.previousSuccessRate) }] : []),
  ];
  const exportControl =
    canExport && currency && report.hasSales
      ? { href: `/api/payments/export.csv?${analyticsQueryString({ ...params, currency })}`, filename: `payments-${currency}-${range.from}_${range.to}.csv`, expectedRows: report.rows.length }
      : null;
  const total = report.total;

  return (
    <div className="space-y-6" data-testid="payments-view">
      <DegradedNotice degraded={report.degraded} variant="full" />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <DateRangeControl resolved={range} params={params} />
        <CurrencySwitch currencies={report.currencies} value={currency} pathname={PATHNAME} params={params} />
      </div>
      <ClearedFiltersNotice fields={cleared} />
      {currency === null ? (
        <p className={MUTED} data-testid="payments-empty">{t("empty")}</p>
      ) : !report.hasSales ? (
        <p className={MUTED} data-testid="payments-empty-currency">{t("emptyInCurrency", { currency })}</p>
      ) : (
        <>
          <Card title={t("summary.title")} testId="payments-summary">
            <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
              <div>
                <dt className={MUTED}>{t("summary.successRate")}</dt>
                <dd className="text-2xl font-semibold" data-testid="payments-success-rate">{total.successRate === null ? t("summary.noRate") : pct(total.successRate)}</dd>
                <dd className="text-xs text-zinc-600 dark:text-zinc-400">{t("summary.successRateHint")}</dd>
              </div>
              <div>
                <dt className={MUTED}>{t("summary.attempts")}</dt>
                <dd className="text-2xl font-semibold">{num(total.attempts)}</dd>
                <dd className="text-xs text-zinc-600 dark:text-zinc-400">
                  {t("summary.failed")} {num(total.failed)} · {t("summary.abandoned")} {num(total.abandoned)}
                </dd>
              </div>
              <div>
                <dt className={MUTED}>{t("summary.valueLost")}</dt>
                <dd className="text-2xl font-semibold" data-testid="payments-value-lost">{money(total.valueLost)}</dd>
              </div>
              <div>
                <dt className={MUTED}>{t("summary.medianPay")}</dt>
                <dd className="text-lg font-semibold" data-testid="payments-median-pay">{w.medianPay(total.medianPay)}</dd>
              </div>
            </dl>
            <p className="mt-4 text-xs text-zinc-600 dark:text-zinc-400" data-testid="payments-coverage">
              {t("summary.coverage", { method: num(report.coverage.methodKnown), checkouts: num(report.coverage.checkouts), country: num(report.coverage.countryKnown) })}
            </p>
          </Card>

          <Card title={t("series.title")} testId="payments-series">
            <div id="series" className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm font-medium" data-testid="payments-series-subject">{subjectWords}</p>
              {subject.method !== null || subject.country !== null ? (
                <Link className={LINK} href={seriesHref({})}>{t("series.clear")}</Link>
              ) : null}
            </div>
            {chartOnRequest ? (
              <ChartOnRequest href={hrefWith(PATHNAME, query, { [SHOW_CHARTS_PARAM]: "1" })} />
            ) : (
              <LazyRateChart
                points={report.series.map((p) => ({ label: bucketLabel(p.bucket, range.interval, locale), rate: p.successRate, previousRate: p.previousSuccessRate }))}
                currentLabel={t("series.current")}
                previousLabel={compared ? t("series.previous") : null}
                description={t("series.description", { interval: t(`interval.${range.interval}`), subject: subjectWords })}
              />
            )}
            <details className="mt-3 text-sm">
              <summary className="inline-flex min-h-11 cursor-pointer items-center text-zinc-600 dark:text-zinc-400">{t("series.showTable")}</summary>
              <DataTable label={t("series.title")} testId="payments-series-table" columns={seriesColumns} rows={report.series} rowKey={(p) => p.bucket} />
            </details>
          </Card>

          {/* One table a row: seven columns each, too wide to share a row even on a large screen. */}
          <div className="grid gap-6">
            <Card title={t("tables.methods")} testId="payments-methods">
              <DataTable label={t("tables.methods")} testId="payments-methods-table" columns={methodColumns} rows={report.methods} rowKey={(r) => r.method} columnMenu={false} />
            </Card>
            <Card title={t("tables.countries")} testId="payments-countries">
              <DataTable label={t("tables.countries")} testId="payments-countries-table" columns={countryColumns} rows={report.countries} rowKey={(r) => r.country} columnMenu={false} />
            </Card>
          </div>

          <Card title={t("tables.pairs")} testId="payments-pairs">
            <DataTable
              label={t("tables.pairs")}
              testId="payments-pairs-table"
              columns={pairColumns}
              rows={pairsPage.rows}
              rowKey={(r) => `${r.method}:${r.country}`}
              url={{ pathname: PATHNAME, query }}
              keyPrefix="pairs"
              columnMenu={false}
              page={pairsPage.total > PAIRS_PAGE_SIZE || pairsState.page > 1 ? { number: pairsState.page, size: pairsState.size, hasMore: pairsPage.hasMore, totalRows: pairsPage.total } : undefined}
              exportControl={exportControl}
            />
          </Card>

          <div className="grid gap-6 xl:grid-cols-2">
            <Card title={t("tables.failures")} testId="payments-failures">
              {failureRows.length === 0 ? (
                <p className={MUTED}>{t("tables.failuresEmpty")}</p>
              ) : (
                <DataTable label={t("tables.failures")} testId="payments-failures-table" columns={failureColumns} rows={failureRows} rowKey={(r) => `${r.method}:${r.reason}`} columnMenu={false} />
              )}
            </Card>
            <Card title={t("tables.mix")} testId="payments-mix">
              <p className="-mt-2 mb-3 text-xs text-zinc-600 dark:text-zinc-400">{t("tables.mixNote")}</p>
              <DataTable label={t("tables.mix")} testId="payments-mix-table" columns={mixColumns} rows={report.mix} rowKey={(r) => r.country} columnMenu={false} />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
