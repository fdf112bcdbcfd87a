"use client";
// The Sales filters as a GET form that works before JavaScript: search, statuses (checkboxes), days (preset
// links in the store's calendar and two day fields), and behind "More filters" product, channel,
// currency, payment status, discount code, campaign, country and amount range; Apply submits, "Clear
// filters" is a link, the table's sort, size and columns ride along in hidden fields. Once hydrated, a
// change applies at once (the parent writes it to the URL; the search box waits for a pause in typing).
// Every code in the merchant's words (lib/format).
import { useEffect, useState, type ReactNode } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { X } from "lucide-react";
import { hrefWith, TABLE_URL_KEYS } from "@/components/data-table/table-state";
import { buttonClass } from "@/components/ui/button";
import { inputClass, selectClass } from "@/components/ui/field";
import { DATE_FILTER_PRESETS } from "@/components/ui/date-range-filter";
import { presetRange } from "@/lib/analytics/date-range";
import { PAYMENT_STATUSES, SALE_CHANNELS, SALE_STATUSES } from "@/lib/chariow/enum-values";
import { codeLabel, type CodeKind } from "@/lib/format/codes";
import { countryName } from "@/lib/format/display-names";
import { isCalendarDay } from "@/lib/http/calendar-day";
import type { SalesFilterOptions } from "@/lib/sales/filter-options";
import type { SalesFilters } from "@/lib/sales/schemas";
import { filtersToSearchParams } from "@/lib/sales/view-query";

const SEARCH_DEBOUNCE_MS = 300;
/** Filters behind "More filters": the disclosure opens by itself when one of them is set. */
const MORE_KEYS = ["product", "channel", "currency", "paymentStatus", "discount", "campaign", "country", "min", "max"] as const;

export type SalesFiltersProps = {
  filters: SalesFilters;
  options: SalesFilterOptions;
  /** The page's path (`/sales`, `/customers/{id}`) and current query: the form's action, links and kept keys. */
  basePath: string;
  query: URLSearchParams;
  /** Today in the store's time zone ("YYYY-MM-DD"), for the day presets. */
  today: string;
  onChange: (patch: Record<string, string | null>) => void;
  /** The customer page fixes the customer: its filter is not offered. */
  fixedCustomer?: boolean;
  /** The filtered customer's name, for its chip (never its id). */
  customerName?: string | null;
};

function Labelled({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <label className={`flex min-w-0 flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400 ${className}`}>
      {label}
      {children}
    </label>
  );
}

/** The fields of the form other than the search box and the statuses. */
const FIELD_KEYS = ["from", "to", ...MORE_KEYS] as const;
type FieldKey = (typeof FIELD_KEYS)[number];
/** What the form shows: the URL's filters, then the member's changes until the page for them arrives. */
type Draft = { fields: Record<FieldKey, string>; status: string[] };

function draftOf(filters: SalesFilters): Draft {
  const fields = {} as Record<FieldKey, string>;
  for (const key of FIELD_KEYS) {
    const value = filters[key];
    fields[key] = Array.isArray(value) ? value.join(",") : (value ?? "");
  }
  return { fields, status: filters.status ?? [] };
}

/** The draft and the search text as a URL patch: empty fields cleared, the statuses as one list. */
function patchOf(draft: Draft, search: string): Record<string, string | null> {
  const patch: Record<string, string | null> = { q: search.trim() || null, status: draft.status.length > 0 ? draft.status.join(",") : null };
  for (const key of FIELD_KEYS) {
    const value = draft.fields[key].trim();
    patch[key] = value === "" ? null : key === "min" || key === "max" ? value.replace(",", ".") : value;
  }
  return patch;
}

export function SalesFiltersBar({ filters, options, basePath, query, today, onChange, fixedCustomer = false, customerName }: SalesFiltersProps) {
  const t = useTranslations("Sales.filters");
  const tCodes = useTranslations("Codes");
  const tDate = useTranslations("DateRange");
  const tPreset = useTranslations("Analytics.range.presets");
  const locale = useLocale();

  // The fields follow the URL (Back, a preset link, "Clear filters") without being remounted, so the
  // focused field keeps the focus while the page for its new value arrives.
  const urlKey = filtersToSearchParams(filters).toString();
  const [draft, setDraft] = useState(() => draftOf(filters));
  const [search, setSearch] = useState(filters.q ?? "");
  // The search text last sent: when the URL brings it back, the box (typed further meanwhile) is left alone.
  const [sentQ, setSentQ] = useState(filters.q ?? "");
  const [mirrored, setMirrored] = useState(urlKey);
  if (mirrored !== urlKey) {
    setMirrored(urlKey);
    setDraft(draftOf(filters));
    if ((filters.q ?? "") !== sentQ) {
      setSearch(filters.q ?? "");
      setSentQ(filters.q ?? "");
    }
  }

  const apply = (next: Draft, text = search) => {
    setDraft(next);
    setSentQ(text.trim());
    onChange(patchOf(next, text));
  };
  useEffect(() => {
    if (sentQ === search.trim()) return;
    const timer = setTimeout(() => {
      setSentQ(search.trim());
      onChange({ q: search.trim() || null });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, sentQ, onChange]);

  const setField = (key: FieldKey, value: string, now: boolean) => {
    const next = { ...draft, fields: { ...draft.fields, [key]: value } };
    if (now) apply(next);
    else setDraft(next);
  };
  const words = (kind: CodeKind, codes: readonly string[]) => codes.map((c) => ({ value: c, label: codeLabel(tCodes, kind, c) }));
  /** A select of one filter; a list chosen elsewhere (a saved view with two channels) stays a choice. */
  const select = (key: FieldKey, choices: { value: string; label: string }[]) => {
    const value = draft.fields[key];
    const all = value && !choices.some((c) => c.value === value) ? [...choices, { value, label: value.split(",").map((v) => choices.find((c) => c.value === v)?.label ?? v).join(", ") }] : choices;
    return (
      <select name={key} value={value} onChange={(e) => setField(key, e.target.value, true)} className={selectClass} data-testid={`filter-${key}`}>
        <option value="">{t("any")}</option>
        {all.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  };
  const dayField = (key: "from" | "to") => (
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
  );
  const amountField = (key: "min" | "max") => (
    <input
      name={key}
      inputMode="decimal"
      value={draft.fields[key]}
      onChange={(e) => setField(key, e.target.value, false)}
      // Applied when the field is left (or with Enter / Apply), not at each digit.
      onBlur={() => (draft.fields[key].trim().replace(",", ".") === (filters[key] ?? "") ? undefined : apply(draft))}
      className={inputClass}
      data-testid={`filter-${key}`}
    />
  );
  const toggleStatus = (status: string, on: boolean) => apply({ ...draft, status: on ? [...draft.status, status] : draft.status.filter((s) => s !== status) });

  const visible = (k: string) => !(fixedCustomer && k === "customer");
  const active = Object.entries(filters).some(([k, v]) => v !== undefined && visible(k));
  const moreActive = MORE_KEYS.some((k) => filters[k] !== undefined);
  const activeCount = Object.entries(filters).filter(([k, v]) => v !== undefined && k !== "q" && visible(k)).length;
  // What the form keeps of the URL that is not a filter: the table's sort, size and columns (not its page).
  const kept = TABLE_URL_KEYS.filter((k) => k !== "page" && query.get(k) !== null).map((k): [string, string] => [k, query.get(k)!]);
  const clearHref = hrefWith(basePath, new URLSearchParams(kept), {});

  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label={t("label")}
      onSubmit={(e) => {
        e.preventDefault();
        apply(draft);
      }}
      className="space-y-3"
      data-testid="sales-filters"
    >
      {kept.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {filters.customer && !fixedCustomer ? <input type="hidden" name="customer" value={filters.customer} /> : null}

      <div className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
        <Labelled label={t("search")} className="col-span-2 sm:w-72">
          <input type="search" name="q" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t("searchPlaceholder")} className={inputClass} data-testid="filter-q" />
        </Labelled>
      </div>

      {/* On a phone the filters fold under one "Filters" line so the sales come first; from 640 px they are
          always shown (globals.css: details.open-from-sm). Closed or open, they are sent with the form. */}
      <details className="open-from-sm space-y-3 rounded-md border border-zinc-200 sm:border-0 dark:border-zinc-800">
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium text-zinc-700 dark:text-zinc-300" data-testid="filters-toggle">
          {activeCount > 0 ? t("panelActive", { count: activeCount }) : t("panel")}
        </summary>
        <div className="space-y-3 p-3 sm:p-0">
      <div className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
        <Labelled label={t("from")} className="sm:w-44">
          {dayField("from")}
        </Labelled>
        <Labelled label={t("to")} className="sm:w-44">
          {dayField("to")}
        </Labelled>
      </div>

      <ul className="flex gap-1 overflow-x-auto pb-1 sm:flex-wrap sm:overflow-visible" aria-label={tDate("presets")}>
        {DATE_FILTER_PRESETS.map((preset) => {
          const range = presetRange(preset, today, null);
          const current = range.from === filters.from && range.to === filters.to;
          return (
            <li key={preset} className="shrink-0">
              <Link
                prefetch={false}
                scroll={false}
                href={hrefWith(basePath, query, { from: range.from, to: range.to })}
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

      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{t("status")}</legend>
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
              {codeLabel(tCodes, "saleStatus", status)}
            </label>
          );
        })}
      </fieldset>

      <details open={moreActive || undefined} className="rounded-md border border-zinc-200 dark:border-zinc-800">
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium text-zinc-700 dark:text-zinc-300" data-testid="filters-more">
          {t("more")}
        </summary>
        <div className="grid grid-cols-2 items-end gap-3 p-3 sm:grid-cols-3 lg:grid-cols-5">
          <Labelled label={t("product")}>{select("product", options.products.map((p) => ({ value: p.id, label: p.name ?? p.id })))}</Labelled>
          <Labelled label={t("channel")}>{select("channel", words("channel", SALE_CHANNELS))}</Labelled>
          <Labelled label={t("currency")}>{select("currency", options.currencies.map((c) => ({ value: c, label: c })))}</Labelled>
          <Labelled label={t("paymentStatus")}>{select("paymentStatus", words("paymentStatus", PAYMENT_STATUSES))}</Labelled>
          <Labelled label={t("discount")}>{select("discount", options.discounts.map((c) => ({ value: c, label: c })))}</Labelled>
          <Labelled label={t("campaign")}>{select("campaign", options.campaigns.map((c) => ({ value: c.id, label: c.name ?? c.id })))}</Labelled>
          <Labelled label={t("country")}>{select("country", options.countries.map((c) => ({ value: c, label: countryName(c, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)))}</Labelled>
          <Labelled label={t("min")}>{amountField("min")}</Labelled>
          <Labelled label={t("max")}>{amountField("max")}</Labelled>
        </div>
      </details>
        </div>
      </details>

      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass("primary")} data-testid="filters-apply">
          {t("apply")}
        </button>
        {filters.customer && !fixedCustomer ? (
          <Link prefetch={false} scroll={false} href={hrefWith(basePath, query, { customer: null })} className={buttonClass("secondary", "rounded-full")} data-testid="filter-customer-remove">
            {t("customerChip", { name: customerName ?? t("oneCustomer") })} <X aria-hidden className="size-4" />
          </Link>
        ) : null}
        {active ? (
          <Link prefetch={false} scroll={false} href={clearHref} className={buttonClass("ghost", "underline")} data-testid="filters-clear">
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
