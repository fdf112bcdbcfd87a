// The Overview's KPI cards for one currency, each with its change against the comparison period.
// Presentational: takes the figures, formats money with lib/money in the user's language. Two cards a row
// on a phone (a long amount wraps inside its card rather than widening the page), four on a wide screen.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import type { CurrencyOverview, KpiKey } from "@/lib/analytics/schemas";

function Change({ value, testId }: { value: number | null | undefined; testId: string }) {
  const t = useTranslations("Analytics.change");
  const format = useFormatter();
  if (value === undefined) return null;
  if (value === null) return <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid={testId}>{t("none")}</p>;
  const text = format.number(value, { style: "percent", maximumFractionDigits: 1 });
  return (
    <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid={testId}>
      <span aria-hidden>{value >= 0 ? "▲ " : "▼ "}</span>
      {value >= 0 ? t("up", { value: text }) : t("down", { value: text })}
    </p>
  );
}

function Kpi({ id, label, value, hint, change }: { id: string; label: string; value: string; hint?: string; change: number | null | undefined }) {
  return (
    <div className="min-w-0 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm sm:p-4 dark:border-zinc-800 dark:bg-zinc-900" data-testid={`kpi-${id}`}>
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{label}</p>
      <p className="mt-1 text-lg font-semibold tabular-nums text-zinc-900 [overflow-wrap:anywhere] sm:text-2xl dark:text-zinc-100" data-testid={`kpi-${id}-value`}>{value}</p>
      {hint ? <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid={`kpi-${id}-hint`}>{hint}</p> : null}
      <Change value={change} testId={`kpi-${id}-change`} />
    </div>
  );
}

export function KpiCards({ data }: { data: CurrencyOverview }) {
  const t = useTranslations("Analytics.kpi");
  const locale = useLocale();
  const format = useFormatter();
  const { kpis, changes, currency } = data;
  const money = (minor: number | null) => (minor === null ? "—" : formatMoney({ minor, currency }, locale));
  const change = (key: KpiKey) => (changes ? changes[key] : undefined);
  const coverage =
    kpis.netKnownCount === kpis.paidCount ? t("netCoverageFull") : t("netCoverage", { known: format.number(kpis.netKnownCount), total: format.number(kpis.paidCount) });
  return (
    <div className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4" data-testid="kpi-cards" data-currency={currency}>
      <Kpi id="paid-revenue" label={t("paidRevenue")} value={money(kpis.paidRevenue)} change={change("paidRevenue")} />
      {/* With no sale's fees known yet, a net of 0 would read as "no profit": show the unknown as unknown. */}
      <Kpi id="net-revenue" label={t("netRevenue")} value={kpis.netKnownCount === 0 ? "—" : money(kpis.netRevenue)} hint={coverage} change={change("netRevenue")} />
      <Kpi id="paid-count" label={t("paidCount")} value={format.number(kpis.paidCount)} change={change("paidCount")} />
      <Kpi
        id="conversion"
        label={t("conversion")}
        value={kpis.conversion === null ? "—" : format.number(kpis.conversion, { style: "percent", maximumFractionDigits: 1 })}
        hint={t("conversionHint", { paid: format.number(kpis.paidCount), attempts: format.number(kpis.attempts) })}
        change={change("conversion")}
      />
      <Kpi id="aov" label={t("averageOrderValue")} value={money(kpis.averageOrderValue)} change={change("averageOrderValue")} />
      <Kpi id="discounts" label={t("discounts")} value={money(kpis.discounts)} change={change("discounts")} />
      <Kpi id="failed" label={t("failed")} value={t("countAndValue", { count: kpis.failedCount, value: money(kpis.failedValue) })} change={change("failedCount")} />
      <Kpi id="abandoned" label={t("abandoned")} value={t("countAndValue", { count: kpis.abandonedCount, value: money(kpis.abandonedValue) })} change={change("abandonedCount")} />
    </div>
  );
}
