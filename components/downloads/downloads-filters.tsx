// The Downloads page's two settings as a GET form, before JavaScript: after how many days a buyer who has
// not downloaded is listed, and the download count above which a sale is unusual (empty: the 99th
// percentile). The tables' sort, size and columns ride along; their pages go back to the first.
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { DownloadsQuery } from "@/lib/downloads/schemas";
import type { SearchParamsRecord } from "@/lib/http/page-query";


export function DownloadsFilters({ pathname, query, filter }: { pathname: string; query: SearchParamsRecord; filter: DownloadsQuery }) {
  const t = useTranslations("downloads.filters");
  const kept = Object.entries(query).flatMap(([k, v]) => {
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    return last === undefined || k === "days" || k === "threshold" || k === "page" || k.endsWith("_page") ? [] : [[k, last] as const];
  });
  return (
    <form method="get" action={pathname} className="grid gap-3 sm:grid-cols-2 sm:items-end" aria-label={t("label")} data-testid="downloads-filters">
      {kept.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="flex flex-col gap-1 text-sm">
        {t("days")}
        <input className={inputClass} type="number" inputMode="numeric" min={1} max={90} name="days" defaultValue={filter.days} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("threshold")}
        <input className={inputClass} type="number" inputMode="numeric" min={1} max={100000} name="threshold" defaultValue={filter.threshold ?? ""} placeholder={t("thresholdPlaceholder")} />
      </label>
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClass("primary", "min-h-11")}>
          {t("apply")}
        </button>
      </div>
    </form>
  );
}
