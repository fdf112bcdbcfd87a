// The Licences page's filters and counts, before JavaScript: a GET form (the browser builds the query; the
// table's sort, size and columns ride along as hidden fields, the page returns to 1) and one link per
// status with its count, which filters to it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { CodeLabel } from "@/components/ui/code-label";
import { inputClass } from "@/components/ui/field";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { hrefWith } from "@/components/data-table/table-state";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { LICENCE_STATUSES, type LicencesQuery } from "@/lib/licences/schemas";

/** The table's own keys a filter change keeps (not the page: new filters start at page 1). */
const KEPT = ["sort", "dir", "size", "hide"] as const;

export function LicencesFilters({ pathname, query, filter, products }: { pathname: string; query: SearchParamsRecord; filter: LicencesQuery; products: { id: string; name: string }[] }) {
  const t = useTranslations("licences");
  const codeLabel = useCodeLabel();
  const last = (k: string) => {
    const v = query[k];
    return Array.isArray(v) ? v[v.length - 1] : v;
  };
  return (
    <form method="get" action={pathname} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" aria-label={t("filters.label")} data-testid="licences-filters">
      {KEPT.map((k) => (last(k) ? <input key={k} type="hidden" name={k} value={last(k)} /> : null))}
      <label className="flex flex-col gap-1 text-sm lg:col-span-2">
        {t("filters.search")}
        <input className={inputClass} type="search" name="q" defaultValue={filter.q ?? ""} placeholder={t("filters.searchPlaceholder")} maxLength={200} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("filters.status")}
        <select className={inputClass} name="status" defaultValue={filter.status ?? ""}>
          <option value="">{t("filters.all")}</option>
          {LICENCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {codeLabel("licenceStatus", s)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("filters.product")}
        <select className={inputClass} name="product" defaultValue={filter.product ?? ""}>
          <option value="">{t("filters.all")}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("filters.expiringWithinDays")}
        <input className={inputClass} type="number" inputMode="numeric" min={1} max={3650} name="expiringWithinDays" defaultValue={filter.expiringWithinDays ?? ""} />
      </label>
      <div className="sm:col-span-2 lg:col-span-5">
        <button type="submit" className={buttonClass("primary", "min-h-11")}>
          {t("filters.apply")}
        </button>
      </div>
    </form>
  );
}

/** Licences per status, each a link that filters the list to it (the current one marked). */
export function LicenceStatusCounts({ pathname, query, counts, current }: { pathname: string; query: SearchParamsRecord; counts: Record<string, number>; current: string | undefined }) {
  const t = useTranslations("licences");
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label={t("summary")}>
      {LICENCE_STATUSES.map((s) => (
        <li key={s}>
          <Link
            prefetch={false}
            href={hrefWith(pathname, query, { status: current === s ? null : s })}
            aria-current={current === s ? "true" : undefined}
            className={buttonClass(current === s ? "primary" : "secondary", "min-h-11 rounded-full")}
            data-testid={`licences-count-${s}`}
          >
            <CodeLabel kind="licenceStatus" code={s} />
            <span className="tabular-nums font-semibold">{counts[s] ?? 0}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
