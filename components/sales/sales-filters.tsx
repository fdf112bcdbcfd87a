"use client";
// The Sales filters: every filter the API has (status, customer, search, dates) plus product, channel,
// currency, discount code, campaign, payment status, country and amount range. Each change is written
// to the URL by the parent; the search box waits for a pause in typing.
import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import { paymentStatusSchema, saleChannelSchema, saleStatusSchema } from "@/lib/chariow/enums";
import type { SalesFilterOptions } from "@/lib/sales/filter-options";
import type { SalesFilters } from "@/lib/sales/schemas";

const SEARCH_DEBOUNCE_MS = 300;
const inputClass = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export type SalesFiltersProps = {
  filters: SalesFilters;
  options: SalesFilterOptions;
  onChange: (patch: Record<string, string | null>) => void;
  /** The customer page fixes the customer: its filter is not offered. */
  fixedCustomer?: boolean;
};

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
      {label}
      {children}
    </label>
  );
}

export function SalesFiltersBar({ filters, options, onChange, fixedCustomer }: SalesFiltersProps) {
  const t = useTranslations("Sales.filters");
  const tStatus = useTranslations("saleStatus");
  const [search, setSearch] = useState(filters.q ?? "");
  useEffect(() => setSearch(filters.q ?? ""), [filters.q]);
  useEffect(() => {
    if ((filters.q ?? "") === search.trim()) return;
    const timer = setTimeout(() => onChange({ q: search.trim() || null }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, filters.q, onChange]);

  const select = (key: keyof SalesFilters, value: string | undefined, choices: { value: string; label: string }[]) => (
    <select value={value ?? ""} onChange={(e) => onChange({ [key]: e.target.value || null })} className={inputClass} data-testid={`filter-${key}`}>
      <option value="">{t("any")}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
  const toggleStatus = (status: string) => {
    const current = new Set(filters.status ?? []);
    if (current.has(status as never)) current.delete(status as never);
    else current.add(status as never);
    onChange({ status: current.size > 0 ? [...current].join(",") : null });
  };
  const active = Object.entries(filters).filter(([k, v]) => v !== undefined && !(fixedCustomer && k === "customer")).length > 0;

  return (
    <form role="search" aria-label={t("label")} onSubmit={(e) => e.preventDefault()} className="space-y-3" data-testid="sales-filters">
      <div className="flex flex-wrap items-end gap-3">
        <Labelled label={t("search")}>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t("searchPlaceholder")} className={`${inputClass} w-72`} data-testid="filter-q" />
        </Labelled>
        <Labelled label={t("from")}>
          <input type="date" value={filters.from ?? ""} onChange={(e) => onChange({ from: e.target.value || null })} className={inputClass} data-testid="filter-from" />
        </Labelled>
        <Labelled label={t("to")}>
          <input type="date" value={filters.to ?? ""} onChange={(e) => onChange({ to: e.target.value || null })} className={inputClass} data-testid="filter-to" />
        </Labelled>
        <Labelled label={t("product")}>{select("product", filters.product, options.products.map((p) => ({ value: p.id, label: p.name ?? p.id })))}</Labelled>
        <Labelled label={t("channel")}>{select("channel", filters.channel?.join(","), saleChannelSchema.options.map((c) => ({ value: c, label: c })))}</Labelled>
        <Labelled label={t("currency")}>{select("currency", filters.currency, options.currencies.map((c) => ({ value: c, label: c })))}</Labelled>
        <Labelled label={t("paymentStatus")}>{select("paymentStatus", filters.paymentStatus?.join(","), paymentStatusSchema.options.map((c) => ({ value: c, label: c })))}</Labelled>
        <Labelled label={t("discount")}>{select("discount", filters.discount, options.discounts.map((c) => ({ value: c, label: c })))}</Labelled>
        <Labelled label={t("campaign")}>{select("campaign", filters.campaign, options.campaigns.map((c) => ({ value: c.id, label: c.name ?? c.id })))}</Labelled>
        <Labelled label={t("country")}>{select("country", filters.country, options.countries.map((c) => ({ value: c, label: c })))}</Labelled>
        <Labelled label={t("min")}>
          <input inputMode="decimal" defaultValue={filters.min ?? ""} key={`min-${filters.min ?? ""}`} onBlur={(e) => onChange({ min: e.target.value.trim().replace(",", ".") || null })} className={`${inputClass} w-28`} data-testid="filter-min" />
        </Labelled>
        <Labelled label={t("max")}>
          <input inputMode="decimal" defaultValue={filters.max ?? ""} key={`max-${filters.max ?? ""}`} onBlur={(e) => onChange({ max: e.target.value.trim().replace(",", ".") || null })} className={`${inputClass} w-28`} data-testid="filter-max" />
        </Labelled>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{t("status")}</span>
        {saleStatusSchema.options.map((status) => {
          const on = filters.status?.includes(status) ?? false;
          return (
            <button
              key={status}
              type="button"
              aria-pressed={on}
              onClick={() => toggleStatus(status)}
              data-testid={`filter-status-${status}`}
              className={`rounded-full border px-2.5 py-0.5 text-xs ${on ? "border-brand-600 bg-brand-600 text-white" : "border-zinc-300 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"}`}
            >
              {tStatus(status)}
            </button>
          );
        })}
        {filters.customer && !fixedCustomer ? (
          <button type="button" onClick={() => onChange({ customer: null })} className="inline-flex items-center gap-1 rounded-full border border-zinc-300 px-2.5 py-0.5 text-xs dark:border-zinc-700">
            {t("customerChip", { id: filters.customer })} <X aria-hidden className="size-3" />
          </button>
        ) : null}
        {active ? (
          <button
            type="button"
            className="ml-auto text-xs text-brand-700 underline dark:text-brand-100"
            data-testid="filters-clear"
            onClick={() =>
              onChange(Object.fromEntries(Object.keys(filters).filter((k) => !(fixedCustomer && k === "customer")).map((k) => [k, null])))
            }
          >
            {t("clear")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
