"use client";
// The fields of one Sales filter, inside its chip's or opener's popover (components/sales/sales-filters.tsx
// holds them in a GET form): statuses as checkboxes, days with presets in the store's calendar, a select
// of products, channels, currencies…, an amount range. Controlled by the bar's draft, so after hydration
// a change applies at once; before it, the form's Apply sends them. Codes in the merchant's words.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { hrefWith } from "@/components/data-table/table-state";
import { buttonClass } from "@/components/ui/button";
import { DATE_FILTER_PRESETS } from "@/components/ui/date-range-filter";
import { filterLabelClass, inputClass, selectClass } from "@/components/ui/field";
import { presetRange } from "@/lib/analytics/date-range";
import { PAYMENT_STATUSES, SALE_CHANNELS, SALE_STATUSES } from "@/lib/chariow/enum-values";
import { useCodeLabel } from "@/components/ui/use-code-label";
import type { CodeKind } from "@/lib/format/codes";
import { countryName } from "@/lib/format/display-names";
import { isCalendarDay } from "@/lib/http/calendar-day";
import type { SalesFilterOptions } from "@/lib/sales/filter-options";
import type { SalesFilters } from "@/lib/sales/schemas";
import type { SalesFilterGroupId } from "./sales-filter-groups";

/** The fields of the form other than the search box and the statuses. */
export const FIELD_KEYS = ["from", "to", "product", "channel", "currency", "paymentStatus", "discount", "campaign", "country", "min", "max"] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];
/** What the fields show: the URL's filters, then the member's changes until the page for them arrives. */
export type Draft = { fields: Record<FieldKey, string>; status: string[] };

export function draftOf(filters: SalesFilters): Draft {
  const fields = {} as Record<FieldKey, string>;
  for (const key of FIELD_KEYS) {
    const value = filters[key];
    fields[key] = Array.isArray(value) ? value.join(",") : (value ?? "");
  }
  return { fields, status: filters.status ?? [] };
}

/** One field's value for the URL: empty cleared, a decimal comma read as the point. */
export function urlValue(key: FieldKey, raw: string): string | null {
  const value = raw.trim();
  if (value === "") return null;
  return key === "min" || key === "max" ? value.replace(",", ".") : value;
}

export type SalesFilterEditorProps = {
  group: SalesFilterGroupId;
  draft: Draft;
  filters: SalesFilters;
  options: SalesFilterOptions;
  basePath: string;
  query: URLSearchParams;
  /** Today in the store's time zone ("YYYY-MM-DD"), for the day presets. */
  today: string;
  /** A field changed; `now`: apply it at once (a select, a whole day), else only keep it in the draft. */
  setField: (key: FieldKey, value: string, now: boolean) => void;
  /** Applies a typed amount when its field is left. */
  commitField: (key: FieldKey) => void;
  toggleStatus: (status: string, on: boolean) => void;
};

export function SalesFilterEditor(props: SalesFilterEditorProps) {
  const { group, draft, filters, options, basePath, query, today, setField, commitField, toggleStatus } = props;
  const t = useTranslations("Sales.filters");
  const codeLabel = useCodeLabel();
  const tDate = useTranslations("DateRange");
  const tPreset = useTranslations("Analytics.range.presets");
  const locale = useLocale();
  const words = (kind: CodeKind, codes: readonly string[]) => codes.map((c) => ({ value: c, label: codeLabel(kind, c) }));

  /** A select of one filter; a list chosen elsewhere (a saved view with two channels) stays a choice. */
  const select = (key: FieldKey, label: string, choices: { value: string; label: string }[]) => {
    const value = draft.fields[key];
    const all =
      value && !choices.some((c) => c.value === value)
        ? [
            ...choices,
            {
              value,
              label: value
                .split(",")
                .map((v) => choices.find((c) => c.value === v)?.label ?? v)
                .join(", "),
            },
          ]
        : choices;
    return (
      <label className={filterLabelClass}>
        {label}
        <select name={key} value={value} onChange={(e) => setField(key, e.target.value, true)} className={selectClass} data-testid={`filter-${key}`}>
          <option value="">{t("any")}</option>
          {all.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
    );
  };
  const dayField = (key: "from" | "to") => (
    <label className={filterLabelClass}>
      {t(key)}
      <input
        type="date"
        name={key}
        value={draft.fields[key]}
        min="2000-01-01"
        max="2099-12-31"
        // While a day is being typed its value passes through "0002-…": only a whole day (or none) applies.
        onChange={(e) => setField(key, e.target.value, e.target.value === "" || isCalendarDay(e.target.value))}
        className={inputClass}
        data-testid={`filter-${key}`}
      />
    </label>
  );
  const amountField = (key: "min" | "max") => (
    <label className={filterLabelClass}>
      {t(key)}
      <input
        name={key}
        inputMode="decimal"
        value={draft.fields[key]}
        onChange={(e) => setField(key, e.target.value, false)}
        onBlur={() => commitField(key)}
        className={inputClass}
        data-testid={`filter-${key}`}
      />
    </label>
  );

  switch (group) {
    case "status":
      return (
        <fieldset className="flex flex-wrap gap-2">
          <legend className="mb-1 text-xs text-zinc-600 dark:text-zinc-400">{t("status")}</legend>
          {SALE_STATUSES.map((status) => {
            const on = draft.status.includes(status);
            return (
              <label
                key={status}
                className={`inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-full border px-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${on ? "border-brand-600 bg-brand-50 text-brand-700 dark:border-brand-500 dark:bg-zinc-800 dark:text-brand-100" : "border-zinc-300 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"}`}
              >
                <input
                  type="checkbox"
                  name="status"
                  value={status}
                  checked={on}
                  onChange={(e) => toggleStatus(status, e.target.checked)}
                  className="size-4 accent-brand-600"
                  data-testid={`filter-status-${status}`}
                />
                {codeLabel("saleStatus", status)}
              </label>
            );
          })}
        </fieldset>
      );
    case "date":
      return (
        <div className="space-y-3">
          <ul className="flex flex-wrap gap-1" aria-label={tDate("presets")}>
            {DATE_FILTER_PRESETS.map((preset) => {
              const range = presetRange(preset, today, null);
              const current = range.from === filters.from && range.to === filters.to;
              return (
                <li key={preset}>
                  <Link
                    prefetch={false}
                    scroll={false}
                    href={hrefWith(basePath, query, {
                      from: range.from,
                      to: range.to,
                    })}
                    aria-current={current ? "true" : undefined}
                    className={buttonClass(current ? "primary" : "secondary", "rounded-full")}
                    data-testid={`date-preset-${preset}`}
                  >
                    {tPreset(preset)}
                  </Link>
                </li>
              );
            })}
          </ul>
          <div className="grid grid-cols-2 gap-3">
            {dayField("from")}
            {dayField("to")}
          </div>
        </div>
      );
    case "amount":
      return (
        <div className="grid grid-cols-2 gap-3">
          {amountField("min")}
          {amountField("max")}
        </div>
      );
    case "product":
      return select(
        "product",
        t("product"),
        options.products.map((p) => ({ value: p.id, label: p.name ?? p.id })),
      );
    case "channel":
      return select("channel", t("channel"), words("channel", SALE_CHANNELS));
    case "currency":
      return select(
        "currency",
        t("currency"),
        options.currencies.map((c) => ({ value: c, label: c })),
      );
    case "paymentStatus":
      return select("paymentStatus", t("paymentStatus"), words("paymentStatus", PAYMENT_STATUSES));
    case "discount":
      return select(
        "discount",
        t("discount"),
        options.discounts.map((c) => ({ value: c, label: c })),
      );
    case "campaign":
      return select(
        "campaign",
        t("campaign"),
        options.campaigns.map((c) => ({ value: c.id, label: c.name ?? c.id })),
      );
    case "country":
      return select(
        "country",
        t("country"),
        options.countries.map((c) => ({ value: c, label: countryName(c, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
      );
  }
}
