// The Settlements page (DESIGN §3): Chariow's payouts per currency and local due day — settled (with its
// date), due, overdue — gross, Chariow's net and what it kept, the fees as reported, what is still unknown,
// and the sales behind any payout (?currency=&day=, paginated under the `sales_` keys). Server-rendered:
// the range, the drill-down, sorts and pages live in the URL and work before JavaScript.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { hrefWith, pageOf, readTableState } from "@/components/data-table/table-state";
import { PAYOUT_SALES_PREFIX, PayoutSales } from "@/components/settlements/payout-sales";
import { PayoutTimeline, payoutKey } from "@/components/settlements/payout-timeline";
import { SettlementSummary } from "@/components/settlements/settlement-summary";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { DateRangeFilter } from "@/components/ui/date-range-filter";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { lastValues, parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { formatDateTime } from "@/lib/format/date-time";
import { currentLocale } from "@/lib/i18n/request";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { listPayoutSalesPage, listSettlements, payoutGroupSchema, resolveSettlementRange, settlementRangeSchema, type PayoutGroup } from "@/lib/settlements";
import { today } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.settlements"))("title") };
}

const SIZES = [25, 50, 100] as const;
/** The drill-down belongs to one payout of one range: a new range or another payout drops it and its page. */
const DRILL_KEYS = ["currency", "day", `${PAYOUT_SALES_PREFIX}_page`] as const;

export default async function SettlementsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("settlements:read");
  const sp = await searchParams;
  const t = await getTranslations("Settlements");
  const tp = await getTranslations("pages.settlements");
  const db = await getDb();
  const [timeZone, locale] = await Promise.all([getStoreTimeZone(db), currentLocale()]);
  const canExport = can(member.role, "export:csv");
  // A bad day in the URL is cleared and named (the notice below), never an error page.
  const asked = parsePageQuery(settlementRangeSchema, { from: sp.from, to: sp.to });
  const range = resolveSettlementRange(asked.value, timeZone);
  // The drill-down needs both keys (no default to fall back on): a bad one is named, the drill-down not shown.
  const { currency, day } = lastValues(sp);
  const drillAsked = currency !== undefined || day !== undefined;
  const group = payoutGroupSchema.safeParse({ currency, day });
  const drillGroup = group.success ? { currency: group.data.currency, dueDay: group.data.day } : null;
  const cleared = [...asked.cleared, ...(drillAsked && !group.success ? new Set(group.error.issues.map((i) => String(i.path[0]))) : [])];

  const timelineState = readTableState(sp, { sort: { column: "due_day", dir: "desc" }, size: SIZES[0] }, { sortable: ["due_day"], sizes: SIZES });
  const salesState = readTableState(sp, { sort: { column: "completed_at", dir: "desc" }, size: SIZES[0] }, { prefix: PAYOUT_SALES_PREFIX, sortable: ["completed_at"], sizes: SIZES });
  const [timeline, drill] = await Promise.all([
    listSettlements(db, range, timeZone),
    drillGroup ? listPayoutSalesPage(db, drillGroup, timeZone, { dir: salesState.sort.dir, page: salesState.page, size: salesState.size }) : null,
  ]);
  // The groups of a range are few (days × currencies): built in memory, paged here, newest due day first.
  const ordered = timelineState.sort.dir === "asc" ? [...timeline.groups].reverse() : timeline.groups;
  const timelinePage = pageOf(ordered, timelineState);
  // Opening a payout keeps the timeline's range, sort and page; the drill-down starts on its first page.
  const drillHref = (g: PayoutGroup) => hrefWith("/settlements", sp, { currency: g.currency, day: g.dueDay }, `${PAYOUT_SALES_PREFIX}_page`);
  const url = { pathname: "/settlements", query: sp };

  return (
    <>
      <PageHeader title={tp("title")} description={tp("description")} />
      <div className="mb-6">
        <DateRangeFilter pathname="/settlements" query={sp} from={range.from} to={range.to} today={today(timeZone)} timeZone={timeZone} drop={DRILL_KEYS} />
      </div>
      {cleared.length > 0 ? <div className="mb-6"><ClearedFiltersNotice fields={cleared} /></div> : null}
      <SettlementSummary totals={timeline.totals} unknown={timeline.unknown} enrichment={timeline.enrichment} />
      <section className="mt-6 min-w-0" aria-labelledby="payout-timeline-title" data-testid="payout-timeline-card">
        <h2 id="payout-timeline-title" className="mb-3 text-base font-semibold text-zinc-900 dark:text-zinc-100">{t("timeline.title")}</h2>
        <PayoutTimeline
          groups={timelinePage.rows}
          drillHref={drillHref}
          url={url}
          sort={timelineState.sort}
          hidden={timelineState.hidden}
          page={{ number: timelineState.page, size: timelineState.size, sizes: SIZES, hasMore: timelinePage.hasMore, totalRows: timelinePage.total }}
          selectedKey={drillGroup ? payoutKey(drillGroup) : null}
          exportControl={canExport ? { href: `/api/settlements/timeline/export.csv?${new URLSearchParams(range).toString()}`, expectedRows: timeline.groups.length, filename: `payouts-${range.from}-${range.to}.csv` } : null}
        />
      </section>
      {drill && drillGroup ? (
        <section className="mt-6 min-w-0" id="payout-sales">
          <PayoutSales
            title={t("drill.title", { currency: drillGroup.currency, day: formatDateTime(drillGroup.dueDay, { locale, timeZone }, "date"), count: drill.total })}
            sales={drill.rows}
            url={url}
            sort={salesState.sort}
            hidden={salesState.hidden}
            page={{ number: salesState.page, size: salesState.size, sizes: SIZES, hasMore: drill.hasMore, totalRows: drill.total }}
            exportControl={
              canExport
                ? { href: `/api/settlements/export.csv?${new URLSearchParams({ currency: drillGroup.currency, day: drillGroup.dueDay }).toString()}`, expectedRows: drill.total, filename: `payout-${drillGroup.currency}-${drillGroup.dueDay}.csv` }
                : null
            }
          />
        </section>
      ) : null}
    </>
  );
}
