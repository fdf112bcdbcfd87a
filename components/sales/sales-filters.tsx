"use client";
// The Sales filters folded into chips (issue 16): a search box, then one row — each filter in use as a
// chip ("Statut : Échouée", its × removes it, its words open its editor), then "+ Statut", "+ Date",
// "+ Produit"… for the others. On a phone the openers fold under one "+ Filtrer" and the chips stay on one
// row that scrolls sideways, so the sales come first. Before JavaScript every chip is a link and every
// editor a small GET form that keeps the rest of the URL (the table's sort, size and columns; never its
// page); once hydrated, a change applies at once (the parent writes it to the URL; the search box waits
// for a pause in typing). Every code in the merchant's words (lib/format).
import { useEffect, useState, type FormEvent } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Plus, Search } from "lucide-react";
import { hrefWith, TABLE_URL_KEYS } from "@/components/data-table/table-state";
import { buttonClass } from "@/components/ui/button";
import { DATE_FILTER_PRESETS } from "@/components/ui/date-range-filter";
import { inputClass } from "@/components/ui/field";
import { FilterChip, FilterOpener, KeptQueryFields } from "@/components/ui/filter-chips";
import { presetRange } from "@/lib/analytics/date-range";
import { useCodeLabel } from "@/components/ui/use-code-label";
import type { CodeKind } from "@/lib/format/codes";
import { formatDateTime } from "@/lib/format/date-time";
import { countryName } from "@/lib/format/display-names";
import type { SalesFilterOptions } from "@/lib/sales/filter-options";
import type { SalesFilters } from "@/lib/sales/schemas";
import { filtersToSearchParams } from "@/lib/sales/view-query";
import { draftOf, SalesFilterEditor, urlValue, type Draft, type FieldKey } from "./sales-filter-editors";
import { isGroupActive, removalPatch, SALES_FILTER_GROUPS, type SalesFilterGroup } from "./sales-filter-groups";

const SEARCH_DEBOUNCE_MS = 300;
/** The popovers of the bar: one open at a time. */
const POPOVER_GROUP = "sales-filter";

export type SalesFiltersProps = {
  filters: SalesFilters;
  options: SalesFilterOptions;
  /** The page's path (`/sales`, `/customers/{id}`) and current query: the forms' action, links and kept keys. */
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

export function SalesFiltersBar({ filters, options, basePath, query, today, onChange, fixedCustomer = false, customerName }: SalesFiltersProps) {
  const t = useTranslations("Sales.filters");
  const codeLabel = useCodeLabel();
  const tPreset = useTranslations("Analytics.range.presets");
  const locale = useLocale();

  // The fields follow the URL (Back, a preset link, a removed chip) without being remounted, so the
  // focused field keeps the focus while the page for its new value arrives.
  const urlKey = filtersToSearchParams(filters).toString();
  const [draft, setDraft] = useState(() => draftOf(filters));
  const [search, setSearch] = useState(filters.q ?? "");
  // The search text last sent: when the URL brings it back, the box (typed further meanwhile) is left alone.
  const [sentQ, setSentQ] = useState(filters.q ?? "");
  const [mirrored, setMirrored] = useState(urlKey);
  // The editor open, kept across the re-render that turns its "+" opener into a chip once its change applies.
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  const popover = (id: string) => ({
    open: openGroup === id,
    onToggle: (isOpen: boolean) => setOpenGroup((current) => (isOpen ? id : current === id ? null : current)),
  });
  if (mirrored !== urlKey) {
    setMirrored(urlKey);
    setDraft(draftOf(filters));
    if ((filters.q ?? "") !== sentQ) {
      setSearch(filters.q ?? "");
      setSentQ(filters.q ?? "");
    }
  }
  useEffect(() => {
    if (sentQ === search.trim()) return;
    const timer = setTimeout(() => {
      setSentQ(search.trim());
      onChange({ q: search.trim() || null });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, sentQ, onChange]);

  const setField = (key: FieldKey, value: string, now: boolean) => {
    setDraft((d) => ({ ...d, fields: { ...d.fields, [key]: value } }));
    if (now) onChange({ [key]: urlValue(key, value) });
  };
  // A typed amount applies when its field is left (or with Enter / Apply), not at each digit.
  const commitField = (key: FieldKey) => {
    const value = urlValue(key, draft.fields[key]);
    if (value !== (filters[key] ?? null)) onChange({ [key]: value });
  };
  const toggleStatus = (status: string, on: boolean) => {
    const next = on ? [...draft.status, status] : draft.status.filter((s) => s !== status);
    setDraft((d) => ({ ...d, status: next }));
    onChange({ status: next.length > 0 ? next.join(",") : null });
  };
  // Enter sends the text at once rather than after the pause.
  const submitSearch = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSentQ(search.trim());
    onChange({ q: search.trim() || null });
  };
  /** Apply of one editor once hydrated: its keys from the draft, then the popover closes. */
  const submitGroup = (group: SalesFilterGroup) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onChange(patchOf(group, draft));
    e.currentTarget.closest("details")?.removeAttribute("open");
  };

  const editor = (group: SalesFilterGroup) => (
    <form method="get" action={basePath} aria-label={t(group.id)} onSubmit={submitGroup(group)} className="space-y-3">
      <KeptQueryFields query={query} drop={group.keys} />
      <SalesFilterEditor
        group={group.id}
        draft={draft}
        filters={filters}
        options={options}
        basePath={basePath}
        query={query}
        today={today}
        setField={setField}
        commitField={commitField}
        toggleStatus={toggleStatus}
      />
      <button type="submit" className={buttonClass("primary")} data-testid={`filters-apply-${group.id}`}>
        {t("apply")}
      </button>
    </form>
  );

  const list = (kind: CodeKind, codes: readonly string[] | undefined) => (codes ?? []).map((c) => codeLabel(kind, c)).join(", ");
  const day = (d: string) => formatDateTime(d, { locale, timeZone: "UTC" }, "date");
  /** The value of an active filter in words. */
  const valueOf = (group: SalesFilterGroup): string => {
    switch (group.id) {
      case "status":
        return list("saleStatus", filters.status);
      case "date": {
        const preset = DATE_FILTER_PRESETS.find((p) => {
          const r = presetRange(p, today, null);
          return r.from === filters.from && r.to === filters.to;
        });
        if (preset) return tPreset(preset);
        if (filters.from && filters.to)
          return t("dateRange", {
            from: day(filters.from),
            to: day(filters.to),
          });
        return filters.from ? t("dateFrom", { from: day(filters.from) }) : t("dateTo", { to: day(filters.to!) });
      }
      case "amount":
        if (filters.min && filters.max) return t("amountRange", { min: filters.min, max: filters.max });
        return filters.min ? t("amountMin", { min: filters.min }) : t("amountMax", { max: filters.max! });
      case "product":
        return options.products.find((p) => p.id === filters.product)?.name ?? filters.product!;
      case "campaign":
        return options.campaigns.find((c) => c.id === filters.campaign)?.name ?? filters.campaign!;
      case "country":
        return countryName(filters.country, locale);
      case "channel":
        return list("channel", filters.channel);
      case "paymentStatus":
        return list("paymentStatus", filters.paymentStatus);
      case "currency":
        return filters.currency!;
      case "discount":
        return filters.discount!;
    }
  };

  const activeGroups = SALES_FILTER_GROUPS.filter((g) => isGroupActive(g, filters));
  const idleGroups = SALES_FILTER_GROUPS.filter((g) => !isGroupActive(g, filters));
  const customerChip = Boolean(filters.customer) && !fixedCustomer;
  const active = activeGroups.length > 0 || customerChip || filters.q !== undefined;
  // What "Clear filters" keeps of the URL: the table's sort, size and columns (not its page).
  const kept = TABLE_URL_KEYS.filter((k) => k !== "page" && query.get(k) !== null).map((k): [string, string] => [k, query.get(k)!]);
  const clearHref = hrefWith(basePath, new URLSearchParams(kept), {});

  return (
    <div className="relative space-y-2" role="group" aria-label={t("label")} data-testid="sales-filters">
      <form method="get" action={basePath} role="search" aria-label={t("search")} onSubmit={submitSearch} className="relative sm:w-96">
        <KeptQueryFields query={query} drop={["q"]} />
        <label htmlFor="sales-search" className="sr-only">
          {t("search")}
        </label>
        <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-500 dark:text-zinc-400" />
        <input
          id="sales-search"
          type="search"
          name="q"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t("searchPlaceholder")}
          className={`${inputClass} pl-9`}
          data-testid="filter-q"
        />
      </form>

      <div className="flex items-center gap-2 sm:flex-wrap">
        {/* The filters in use: one row on a phone, scrolling sideways; wrapped on wider screens. */}
        {customerChip || active ? (
          <ul className="flex min-w-0 flex-1 items-center gap-2 overflow-x-auto sm:flex-none sm:flex-wrap sm:overflow-visible" aria-label={t("active")} data-testid="filter-chips">
            {customerChip ? (
              <FilterChip
                id="customer"
                group={POPOVER_GROUP}
                label={t("customerChip", {
                  name: customerName ?? t("oneCustomer"),
                })}
                removeHref={hrefWith(basePath, query, { customer: null })}
                removeLabel={t("remove", { filter: t("customer") })}
              />
            ) : null}
            {activeGroups.map((group) => (
              <FilterChip
                key={group.id}
                id={group.id}
                group={POPOVER_GROUP}
                label={t("chip", {
                  filter: t(group.id),
                  value: valueOf(group),
                })}
                removeHref={hrefWith(basePath, query, removalPatch(group))}
                removeLabel={t("remove", { filter: t(group.id) })}
                editor={editor(group)}
                {...popover(group.id)}
              />
            ))}
            {active ? (
              <li className="shrink-0">
                <Link prefetch={false} scroll={false} href={clearHref} className={buttonClass("ghost", "underline")} data-testid="filters-clear">
                  {t("clear")}
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
        {/* The filters not in use: behind "+ Filtrer" on a phone, in a row from 640 px (globals.css:
            details.open-from-sm). Its panel is positioned against the bar, under the row. */}
        {idleGroups.length > 0 ? (
          <details className="open-from-sm shrink-0 sm:flex-1">
            <summary className={buttonClass("secondary", "cursor-pointer list-none rounded-full [&::-webkit-details-marker]:hidden")} data-testid="filters-toggle">
              <Plus aria-hidden className="size-4" />
              {t("addFilter")}
            </summary>
            <ul
              className="absolute inset-x-0 z-20 mt-1 flex flex-wrap gap-2 rounded-md border border-zinc-200 bg-white p-3 shadow-lg sm:static sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none dark:border-zinc-700 dark:bg-zinc-900 sm:dark:bg-transparent"
              aria-label={t("more")}
            >
              {idleGroups.map((group) => (
                <FilterOpener key={group.id} id={group.id} group={POPOVER_GROUP} label={t(group.id)} {...popover(group.id)}>
                  {editor(group)}
                </FilterOpener>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </div>
  );
}

/** One editor's keys as a URL patch: the statuses as one list, empty fields cleared. */
function patchOf(group: SalesFilterGroup, draft: Draft): Record<string, string | null> {
  const patch: Record<string, string | null> = {};
  for (const key of group.keys) patch[key] = key === "status" ? (draft.status.length > 0 ? draft.status.join(",") : null) : urlValue(key, draft.fields[key]);
  return patch;
}
