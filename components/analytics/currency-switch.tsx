// Which currency the page shows when the store sells in several: amounts are never added across
// currencies, so each has its own cards, chart and tables. Links (work before JavaScript): each keeps the
// page's range and changes only the currency.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { analyticsHref, type AnalyticsParams } from "@/lib/analytics/url-params";

export function CurrencySwitch({ currencies, value, pathname, params }: { currencies: string[]; value: string | null; pathname: string; params: AnalyticsParams }) {
  const t = useTranslations("Analytics.currency");
  // One currency needs no switch, unless the page shows another one (asked in the URL, no sales in the
  // range): then the switch is the way to the currency that has them.
  const showsOffered = value === null || currencies.includes(value);
  if (currencies.length === 0 || (currencies.length < 2 && showsOffered)) return null;
  return (
    <div role="group" aria-label={t("label")} className="inline-flex flex-wrap rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700" data-testid="currency-switch">
      {currencies.map((c) => (
        <Link
          key={c}
          prefetch={false}
          scroll={false}
          href={analyticsHref(pathname, { ...params, currency: c })}
          aria-current={c === value ? "true" : undefined}
          className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500 ${c === value ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
        >
          {c}
        </Link>
      ))}
    </div>
  );
}
