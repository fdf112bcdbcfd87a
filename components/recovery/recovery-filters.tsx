// The Recovery inbox's filters, all working before JavaScript: the reason as links with the count of each
// ("Failed payment (57)", under the other filters: lib/recovery/lead-page.ts counts them in SQL), then a
// GET form for status, channel and assignee (Apply), and the shared date-range control. On a phone the
// form and the days fold under one line so the leads come first; the reason links stay in view.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { hrefWith, TABLE_URL_KEYS } from "@/components/data-table/table-state";
import { buttonClass } from "@/components/ui/button";
import { DateRangeFilter } from "@/components/ui/date-range-filter";
import { filterLabelClass, selectClass } from "@/components/ui/field";
import { SALE_CHANNELS } from "@/lib/chariow/enum-values";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { lastValues, type SearchParamsRecord } from "@/lib/http/page-query";
import { LEAD_REASONS, LEAD_STATUS_FILTERS, UNASSIGNED, type LeadReason, type LeadStatusFilter } from "@/lib/recovery/lead-states";
import type { MemberOption } from "./recovery-types";

export type RecoveryFiltersProps = {
  pathname: string;
  /** The page's query: kept by the links and the form (sort, page size, columns, days). */
  query: SearchParamsRecord;
  filters: { reason?: LeadReason; status: LeadStatusFilter; channel?: string; assignee?: string };
  /** Leads of each reason under the other filters. */
  counts: Record<LeadReason, number>;
  members: MemberOption[];
  /** The days shown (the default range when the URL has none), today in the store's zone, the zone. */
  range: { from: string; to: string };
  today: string;
  timeZone: string;
  /** Filters of the folded part that differ from their default (the phone's summary says how many). */
  activeCount: number;
};

export function RecoveryFilters(props: RecoveryFiltersProps) {
  const t = useTranslations("Recovery.filters");
  const tr = useTranslations("Recovery");
  const codeLabel = useCodeLabel();
  const { filters, counts, pathname, query } = props;
  const values = lastValues(query);
  // The form sends its own fields; it carries the reason, the days and the table's view (not its page, not the panel).
  const kept = (["reason", "from", "to", ...TABLE_URL_KEYS.filter((k) => k !== "page")] as const).flatMap((k) => (values[k] ? [[k, values[k]] as const] : []));
  const reasons = [undefined, ...LEAD_REASONS] as const;

  return (
    <div className="space-y-3" data-testid="recovery-filters">
      <nav aria-label={t("reason")} data-testid="recovery-filter-reason">
        <ul className="flex flex-wrap gap-1">
          {reasons.map((r) => {
            const current = r === filters.reason;
            const count = r === undefined ? counts.failed + counts.abandoned : counts[r];
            return (
              <li key={r ?? "all"}>
                <Link
                  prefetch={false}
                  href={hrefWith(pathname, query, { reason: r ?? null, lead: null })}
                  aria-current={current ? "page" : undefined}
                  className={buttonClass(current ? "primary" : "secondary", "rounded-full")}
                  data-testid={`recovery-filter-reason-${r ?? "all"}`}
                  data-count={count}
                >
                  {t("reasonCount", { reason: r === undefined ? t("anyReason") : tr(`reason.${r}`), count })}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {/* Folded on a phone, always open from 640 px (globals.css: details.open-from-sm); sent either way. */}
      <details className="open-from-sm rounded-md border border-zinc-200 sm:border-0 dark:border-zinc-800">
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium text-zinc-700 dark:text-zinc-300" data-testid="recovery-filters-toggle">
          {props.activeCount > 0 ? t("moreActive", { count: props.activeCount }) : t("more")}
        </summary>
        <div className="space-y-3 p-3 sm:p-0">
          <form method="get" action={pathname} aria-label={t("label")} className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap" data-testid="recovery-filters-form">
            {kept.map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <label className={`${filterLabelClass} col-span-2 sm:w-56`}>
              {t("status")}
              <select name="status" defaultValue={filters.status} className={selectClass} data-testid="recovery-filter-status">
                {LEAD_STATUS_FILTERS.map((s) => (
                  <option key={s} value={s}>
                    {t(`statuses.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className={`${filterLabelClass} sm:w-44`}>
              {t("channel")}
              <select name="channel" defaultValue={filters.channel ?? ""} className={selectClass} data-testid="recovery-filter-channel">
                <option value="">{t("anyChannel")}</option>
                {SALE_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {codeLabel("channel", c)}
                  </option>
                ))}
              </select>
            </label>
            <label className={`${filterLabelClass} sm:w-48`}>
              {t("assignee")}
              <select name="assignee" defaultValue={filters.assignee ?? ""} className={selectClass} data-testid="recovery-filter-assignee">
                <option value="">{t("anyone")}</option>
                <option value={UNASSIGNED}>{t("unassigned")}</option>
                {props.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={buttonClass("primary", "col-span-2")} data-testid="recovery-filters-apply">
              {t("apply")}
            </button>
          </form>
          <DateRangeFilter pathname={pathname} query={query} from={props.range.from} to={props.range.to} today={props.today} timeZone={props.timeZone} drop={["lead"]} />
        </div>
      </details>
    </div>
  );
}
