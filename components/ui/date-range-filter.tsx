// The one date-range control of the pages that list things by date (payouts, recovery, affiliates,
// sales…): preset links (7 / 30 / 90 days, this month, last month, this year) and two day fields with an
// Apply button inside a GET form — all of it works before JavaScript. Days are the store's calendar days
// (the page resolves "today" in the store's zone and passes it); every other query key of the page is
// kept, the page number is dropped. Analytics pages have their own control (range presets + comparison).
import { inputClass } from "@/components/ui/field";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { presetRange } from "@/lib/analytics/date-range";
import { timeZoneLabel } from "@/lib/format/time-zone";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { hrefWith } from "@/components/data-table/table-state";

export const DATE_FILTER_PRESETS = ["last7", "last30", "last90", "thisMonth", "lastMonth", "thisYear"] as const;


export type DateRangeFilterProps = {
  pathname: string;
  /** The page's current query (other filters are kept). */
  query: SearchParamsRecord | URLSearchParams;
  from: string | null;
  to: string | null;
  /** Today in the store's time zone ("YYYY-MM-DD"). */
  today: string;
  timeZone: string;
  /** Query keys of the two days (default from / to). */
  keys?: { from: string; to: string };
  /** Other keys this control must not carry over (e.g. a drill-down that belongs to the old range). */
  drop?: readonly string[];
  testId?: string;
};

export function DateRangeFilter({ pathname, query, from, to, today, timeZone, keys = { from: "from", to: "to" }, drop = [], testId = "date-range-filter" }: DateRangeFilterProps) {
  const t = useTranslations("DateRange");
  const tp = useTranslations("Analytics.range.presets");
  const locale = useLocale();
  const params = query instanceof URLSearchParams ? query : new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v[v.length - 1] : v]])));
  const kept = [...params.entries()].filter(([k]) => k !== keys.from && k !== keys.to && k !== "page" && !drop.includes(k));
  const clearDrop = Object.fromEntries(drop.map((k) => [k, null]));
  return (
    <div className="space-y-2" data-testid={testId}>
      <ul className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0" aria-label={t("presets")}>
        {DATE_FILTER_PRESETS.map((preset) => {
          const range = presetRange(preset, today, null);
          const active = range.from === from && range.to === to;
          return (
            <li key={preset} className="shrink-0">
              <Link
                prefetch={false}
                href={hrefWith(pathname, params, { [keys.from]: range.from, [keys.to]: range.to, ...clearDrop })}
                aria-current={active ? "true" : undefined}
                className={buttonClass(active ? "primary" : "secondary", "rounded-full")}
                data-testid={`date-preset-${preset}`}
              >
                {tp(preset)}
              </Link>
            </li>
          );
        })}
      </ul>
      <form method="get" action={pathname} className="flex flex-wrap items-end gap-2" aria-label={t("label")}>
        {kept.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
          {t("from")}
          <input className={inputClass} type="date" name={keys.from} defaultValue={from ?? ""} max={to ?? undefined} />
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
          {t("to")}
          <input className={inputClass} type="date" name={keys.to} defaultValue={to ?? ""} min={from ?? undefined} />
        </label>
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
        <span className="basis-full text-xs text-zinc-600 dark:text-zinc-400">{t("timeZone", { timeZone: timeZoneLabel(timeZone, locale) })}</span>
      </form>
    </div>
  );
}
