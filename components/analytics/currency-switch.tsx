"use client";
// Which currency the page shows when the store sells in several: amounts are never added across
// currencies, so each has its own cards, chart and tables.
import { useTranslations } from "next-intl";

export function CurrencySwitch({ currencies, value, onChange }: { currencies: string[]; value: string | null; onChange: (currency: string) => void }) {
  const t = useTranslations("Analytics.currency");
  // One currency needs no switch, unless the page shows another one (asked in the URL, no sales in the
  // range): then the switch is the way to the currency that has them.
  const showsOffered = value === null || currencies.includes(value);
  if (currencies.length === 0 || (currencies.length < 2 && showsOffered)) return null;
  return (
    <div role="group" aria-label={t("label")} className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700" data-testid="currency-switch">
      {currencies.map((c) => (
        <button
          key={c}
          type="button"
          aria-pressed={c === value}
          onClick={() => onChange(c)}
          className={`rounded px-3 py-1 text-sm font-medium ${c === value ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
        >
          {c}
        </button>
      ))}
    </div>
  );
}
