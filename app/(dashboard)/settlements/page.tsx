// The Payouts page (DESIGN §3, issue 16): opens on the answer to "when do I get paid" — the next payout
// per currency (net and day), what is still expected this week and what is late — then a calendar of
// payout days (a month grid on a computer, a week strip on a phone), the sales of a payout (?currency=&day=),
// the month's statement as a PDF, and the range's totals and detailed timeline. Everything counts by the
// payout's due day. Server-rendered: the month, week, statement choice, range, drill-down, sorts and pages
// live in the URL and work before JavaScript.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { hrefWith, pageOf, readTableState } from "@/components/data-table/table-state";
import { PayoutAnswerCards } from "@/components/settlements/payout-answer-cards";
import { PayoutCalendar } from "@/components/settlements/payout-calendar";
import { PayoutMoveNote } from "@/components/settlements/payout-move-note";
import { PAYOUT_SALES_PREFIX, PayoutSales } from "@/components/settlements/payout-sales";
import { PayoutTimeline, payoutKey } from "@/components/settlements/payout-timeline";
import { SettlementSummary } from "@/components/settlements/settlement-summary";
import { StatementDownload } from "@/components/settlements/statement-download";
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
import {
  getPayoutAnswer, listPayoutGroups, listPayoutMoves, listPayoutSalesPage, listSettlements, monthGrid, payoutCalendarSchema, payoutGroupSchema, resolveSettlementRange, settlementRangeSchema, shiftMonth,
  statementChoiceSchema, weekDays, type PayoutGroup,
} from "@/lib/settlements";
import { listStatementCurrencies } from "@/lib/settlements/statement";
import { addDays, today } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.settlements"))("title") };
}

const SIZES = [25, 50, 100] as const;
/** The drill-down belongs to one payout of one range: a new range or another payout drops it and its page. */
const DRILL_KEYS = ["currency", "day", `${PAYOUT_SALES_PREFIX}_page`] as const;
const PATH = "/settlements";

export default async function SettlementsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("settlements:read");
  const sp = await searchParams;
  const t = await getTranslations("Settlements");
  const tp = await getTranslations("pages.settlements");
  const db = await getDb();
  const [timeZone, locale] = await Promise.all([getStoreTimeZone(db), currentLocale()]);
  const now = new Date();
  const day = today(timeZone, now);
  const canExport = can(member.role, "export:csv");
  // A bad value in the URL is cleared and named (the notice below), never an error page.
  const asked = parsePageQuery(settlementRangeSchema, { from: sp.from, to: sp.to });
  const calendarAsked = parsePageQuery(payoutCalendarSchema, { month: sp.month, week: sp.week });
  const statementAsked = parsePageQuery(statementChoiceSchema, { statement_month: sp.statement_month, statement_currency: sp.statement_currency });
  const range = resolveSettlementRange(asked.value, timeZone, now);
  // The drill-down needs both keys (no default to fall back on): a bad one is named, the drill-down not shown.
  const { currency, day: drillDay } = lastValues(sp);
  const drillAsked = currency !== undefined || drillDay !== undefined;
  const group = payoutGroupSchema.safeParse({ currency, day: drillDay });
  const drillGroup = group.success ? { currency: group.data.currency, dueDay: group.data.day } : null;
  const cleared = [
    ...calendarAsked.cleared,
    ...statementAsked.cleared,
    ...asked.cleared,
    ...(drillAsked && !group.success ? new Set(group.error.issues.map((i) => String(i.path[0]))) : []),
  ];

  // The calendar: this month's grid and this week's strip unless the URL asks for others.
  const thisMonth = day.slice(0, 7);
  const grid = monthGrid(calendarAsked.value.month ?? thisMonth);
  const strip = weekDays(calendarAsked.value.week ?? day);
  const calendarRanges = strip[0]! >= grid.from && strip[6]! <= grid.to ? [grid] : [grid, { from: strip[0]!, to: strip[6]! }];
  const statementMonth = statementAsked.value.statement_month ?? shiftMonth(thisMonth, -1);

  const timelineState = readTableState(sp, { sort: { column: "due_day", dir: "desc" }, size: SIZES[0] }, { sortable: ["due_day"], sizes: SIZES });
  const salesState = readTableState(sp, { sort: { column: "completed_at", dir: "desc" }, size: SIZES[0] }, { prefix: PAYOUT_SALES_PREFIX, sortable: ["completed_at"], sizes: SIZES });
  // The answer's and the calendar's payouts: the days the range already read are taken from its timeline.
  const timelineRead = listSettlements(db, range, timeZone, now);
  const [timeline, drill, answer, calendarGroups, currencies] = await Promise.all([
    timelineRead,
    drillGroup ? listPayoutSalesPage(db, drillGroup, timeZone, { dir: salesState.sort.dir, page: salesState.page, size: salesState.size }, now) : null,
    timelineRead.then((shown) => getPayoutAnswer(db, timeZone, now, shown)),
    timelineRead.then((shown) => listPayoutGroups(db, calendarRanges.map((r) => ({ from: r.from, to: r.to })), timeZone, now, shown)),
    listStatementCurrencies(db, timeZone, now),
  ]);
  const shownDays = [range, ...calendarRanges, ...answer.next.map((g) => ({ from: g.dueDay, to: g.dueDay })), ...(drillGroup ? [{ from: drillGroup.dueDay, to: drillGroup.dueDay }] : [])];
  const moves = await listPayoutMoves(db, shownDays, timeZone);
  const calendarPayouts = new Map<string, PayoutGroup[]>();
  for (const g of calendarGroups.flat()) {
    const payouts = calendarPayouts.get(g.dueDay) ?? [];
    if (!payouts.some((x) => x.currency === g.currency)) payouts.push(g);
    calendarPayouts.set(g.dueDay, payouts.sort((a, b) => a.currency.localeCompare(b.currency)));
  }

  // The groups of a range are few (days × currencies): built in memory, paged here, newest due day first.
  const ordered = timelineState.sort.dir === "asc" ? [...timeline.groups].reverse() : timeline.groups;
  const timelinePage = pageOf(ordered, timelineState);
  // Opening a payout keeps everything else (range, month, pages); its sales start on their first page.
  const drillHref = (g: Pick<PayoutGroup, "currency" | "dueDay">) => `${hrefWith(PATH, sp, { currency: g.currency, day: g.dueDay }, `${PAYOUT_SALES_PREFIX}_page`)}#payout-sales`;
  // A calendar or statement link changes its own key only: `pageKey` set to that key keeps the pages.
  const keep = (patch: Record<string, string | null>, anchor: string) => `${hrefWith(PATH, sp, patch, Object.keys(patch)[0])}#${anchor}`;
  const lateFrom = answer.late.reduce<string | null>((first, s) => (first === null || s.firstDay < first ? s.firstDay : first), null);
  const url = { pathname: PATH, query: sp };
  const statementCurrency = statementAsked.value.statement_currency ?? currencies[0] ?? null;

  return (
    <>
      <PageHeader title={tp("title")} description={tp("description")} />
      {cleared.length > 0 ? <div className="mb-6"><ClearedFiltersNotice fields={cleared} /></div> : null}
      <PayoutAnswerCards
        answer={answer}
        moves={moves}
        drillHref={drillHref}
        lateHref={lateFrom ? `${hrefWith(PATH, sp, { from: lateFrom, to: day, ...Object.fromEntries(DRILL_KEYS.map((k) => [k, null])) })}#payout-timeline-title` : null}
      />
      <div className="mt-8">
        <PayoutCalendar
          month={{ month: grid.month, weeks: grid.weeks, previousHref: keep({ month: shiftMonth(grid.month, -1) }, "payout-calendar-title"), nextHref: keep({ month: shiftMonth(grid.month, 1) }, "payout-calendar-title") }}
          week={{ days: strip, previousHref: keep({ week: addDays(strip[0]!, -7) }, "payout-calendar-title"), nextHref: keep({ week: addDays(strip[0]!, 7) }, "payout-calendar-title") }}
          todayHref={keep({ month: null, week: null }, "payout-calendar-title")}
          today={day}
          payouts={calendarPayouts}
          moves={moves}
          drillHref={drillHref}
          selectedKey={drillGroup ? payoutKey(drillGroup) : null}
        />
      </div>
      {drill && drillGroup ? (
        <section className="mt-6 min-w-0 scroll-mt-4" id="payout-sales">
          {moves.get(payoutKey(drillGroup)) ? <PayoutMoveNote move={moves.get(payoutKey(drillGroup))!} salesCount={drill.total} className="mb-2" /> : null}
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
      <div className="mt-8 scroll-mt-4" id="statement">
        <StatementDownload
          month={statementMonth}
          currency={statementCurrency}
          currencies={statementCurrency && !currencies.includes(statementCurrency) ? [...currencies, statementCurrency] : currencies}
          previousHref={keep({ statement_month: shiftMonth(statementMonth, -1) }, "statement")}
          nextHref={statementMonth < thisMonth ? keep({ statement_month: shiftMonth(statementMonth, 1) }, "statement") : null}
          currencyHref={(c) => keep({ statement_currency: c }, "statement")}
        />
      </div>
      <div className="mb-6 mt-8">
        <DateRangeFilter pathname={PATH} query={sp} from={range.from} to={range.to} today={day} timeZone={timeZone} drop={DRILL_KEYS} />
      </div>
      <SettlementSummary totals={timeline.totals} unknown={timeline.unknown} enrichment={timeline.enrichment} />
      <section className="mt-6 min-w-0 scroll-mt-4" aria-labelledby="payout-timeline-title" data-testid="payout-timeline-card">
        <h2 id="payout-timeline-title" className="mb-3 text-base font-semibold text-zinc-900 dark:text-zinc-100">{t("timeline.title")}</h2>
        <PayoutTimeline
          groups={timelinePage.rows}
          drillHref={drillHref}
          moves={moves}
          url={url}
          sort={timelineState.sort}
          hidden={timelineState.hidden}
          page={{ number: timelineState.page, size: timelineState.size, sizes: SIZES, hasMore: timelinePage.hasMore, totalRows: timelinePage.total }}
          selectedKey={drillGroup ? payoutKey(drillGroup) : null}
          exportControl={canExport ? { href: `/api/settlements/timeline/export.csv?${new URLSearchParams(range).toString()}`, expectedRows: timeline.groups.length, filename: `payouts-${range.from}-${range.to}.csv` } : null}
        />
      </section>
    </>
  );
}
