// The payout calendar (issue 16): a month grid from 640 px up, a week strip on a phone — both rendered by
// the server, CSS shows one. Each payout of a day (one per currency) says its net and its state — paid out
// (with the day it was), due, late — and whether its sales moved there from another day; each is a link
// to its sales (the page's `?currency=&day=` drill-down). Month and week change by links (`month`, `week`),
// so it all works before JavaScript. Shared component: the page gives the days and their payouts.
import Link from "next/link";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { formatDateTime, type DateTimeStyle } from "@/lib/format/date-time";
import { formatMoney } from "@/lib/money";
import { payoutKey, type PayoutGroup, type PayoutStatus } from "@/lib/settlements/group-settlements";
import type { PayoutMove } from "@/lib/settlements/payout-moves";
import { PayoutMoveNote } from "./payout-move-note";
import { PAYOUT_TONE } from "./payout-status";

const MUTED = "text-zinc-600 dark:text-zinc-400";
const NAV_LINK = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-zinc-300 px-3 text-sm text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800";

export type PayoutCalendarProps = {
  /** The desktop grid: its month ("YYYY-MM"), its whole weeks (Monday first), and the links to the months around. */
  month: { month: string; weeks: readonly (readonly string[])[]; previousHref: string; nextHref: string };
  /** The phone's strip: the seven days of the week, Monday first, and the links to the weeks around. */
  week: { days: readonly string[]; previousHref: string; nextHref: string };
  /** Back to this month and this week. */
  todayHref: string;
  /** Today in the store's zone. */
  today: string;
  /** The payouts of each day shown (every day of the grid and of the strip), by day. */
  payouts: ReadonlyMap<string, readonly PayoutGroup[]>;
  moves: ReadonlyMap<string, PayoutMove>;
  drillHref: (g: PayoutGroup) => string;
  /** The payout whose sales are open below (`payoutKey`). */
  selectedKey: string | null;
};

function PayoutLink({ group, move, href, selected }: { group: PayoutGroup; move: PayoutMove | undefined; href: string; selected: boolean }) {
  const t = useTranslations("Settlements.calendar");
  const codeLabel = useCodeLabel();
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const state: string = group.status === "settled" && group.doneAt ? t("paidOn", { day: formatDateTime(group.doneAt, { locale, timeZone }, "dayMonth") }) : codeLabel("payoutStatus", group.status);
  return (
    <Link
      prefetch={false}
      href={href}
      data-testid={`payout-day-${group.dueDay}-${group.currency}`}
      data-payout-status={group.status}
      aria-current={selected ? "true" : undefined}
      className={`block min-h-11 rounded px-1.5 py-1 text-xs leading-snug hover:ring-2 hover:ring-brand-500 focus-visible:outline-2 focus-visible:outline-brand-500 aria-[current=true]:ring-2 aria-[current=true]:ring-brand-600 ${PAYOUT_TONE[group.status]}`}
    >
      <span className="block break-words font-semibold tabular-nums">{formatMoney({ minor: group.net, currency: group.currency }, locale)}</span>
      <span className="block">{state}</span>
      {move ? <PayoutMoveNote move={move} salesCount={group.salesCount} compact /> : null}
    </Link>
  );
}

function DayPayouts({ day, props }: { day: string; props: PayoutCalendarProps }) {
  const groups = props.payouts.get(day) ?? [];
  return (
    <>
      {groups.map((g) => (
        <PayoutLink key={g.currency} group={g} move={props.moves.get(payoutKey(g))} href={props.drillHref(g)} selected={props.selectedKey === payoutKey(g)} />
      ))}
    </>
  );
}

function Legend() {
  const t = useTranslations("Settlements.calendar");
  const codeLabel = useCodeLabel();
  const states: PayoutStatus[] = ["settled", "due", "overdue"];
  return (
    <ul aria-label={t("legend")} className="flex flex-wrap gap-2 text-xs">
      {states.map((s) => (
        <li key={s} className={`rounded px-2 py-0.5 ${PAYOUT_TONE[s]}`}>
          {codeLabel("payoutStatus", s)}
        </li>
      ))}
    </ul>
  );
}

function Nav({ testId, previous, next, title, todayHref }: { testId: string; previous: { href: string; label: string }; next: { href: string; label: string }; title: string; todayHref: string }) {
  const t = useTranslations("Settlements.calendar");
  return (
    <nav aria-label={title} className="mb-3 flex flex-wrap items-center gap-2">
      <Link prefetch={false} scroll={false} href={previous.href} className={NAV_LINK} aria-label={previous.label} data-testid={`${testId}-previous`}>
        <span aria-hidden="true">‹</span>
      </Link>
      <h3 className="min-w-0 flex-1 text-center text-sm font-semibold text-zinc-900 first-letter:uppercase dark:text-zinc-100">{title}</h3>
      <Link prefetch={false} scroll={false} href={next.href} className={NAV_LINK} aria-label={next.label} data-testid={`${testId}-next`}>
        <span aria-hidden="true">›</span>
      </Link>
      <Link prefetch={false} scroll={false} href={todayHref} className={NAV_LINK}>
        {t("today")}
      </Link>
    </nav>
  );
}

export function PayoutCalendar(props: PayoutCalendarProps) {
  const t = useTranslations("Settlements.calendar");
  const locale = useLocale();
  const { month, week, today, payouts } = props;
  const day = (d: string, style: DateTimeStyle) => formatDateTime(d, { locale, timeZone: "UTC" }, style);
  const inMonth = (d: string) => d.startsWith(month.month);
  const monthHasPayouts = month.weeks.some((w) => w.some((d) => inMonth(d) && (payouts.get(d)?.length ?? 0) > 0));
  const weekHasPayouts = week.days.some((d) => (payouts.get(d)?.length ?? 0) > 0);
  const todayRing = (d: string) => (d === today ? "ring-2 ring-inset ring-brand-500" : "");

  return (
    <section aria-labelledby="payout-calendar-title" data-testid="payout-calendar" className="min-w-0">
      <h2 id="payout-calendar-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        {t("title")}
      </h2>
      <p className={`mb-2 text-sm ${MUTED}`}>{t("help")}</p>
      <div className="mb-3">
        <Legend />
      </div>

      <div className="hidden sm:block" data-testid="payout-calendar-month">
        <Nav
          testId="calendar-month"
          title={day(`${month.month}-01`, "month")}
          previous={{ href: month.previousHref, label: t("previousMonth") }}
          next={{ href: month.nextHref, label: t("nextMonth") }}
          todayHref={props.todayHref}
        />
        <div aria-hidden="true" className={`grid grid-cols-7 gap-px pb-1 text-center text-xs ${MUTED}`}>
          {month.weeks[0]!.map((d) => (
            <span key={d}>{day(d, "weekday")}</span>
          ))}
        </div>
        <ol className="grid grid-cols-7 gap-px overflow-hidden rounded-lg border border-zinc-200 bg-zinc-200 dark:border-zinc-800 dark:bg-zinc-800">
          {month.weeks.flat().map((d) => (
            <li key={d} data-testid={`payout-day-${d}`} aria-current={d === today ? "date" : undefined} className={`min-h-24 min-w-0 space-y-1 bg-white p-1 dark:bg-zinc-900 ${todayRing(d)}`}>
              <span aria-hidden="true" className={`block text-right text-xs ${inMonth(d) ? "text-zinc-900 dark:text-zinc-100" : MUTED}`}>
                {Number(d.slice(8, 10))}
              </span>
              <span className="sr-only">{day(d, "weekdayDate")}</span>
              <DayPayouts day={d} props={props} />
            </li>
          ))}
        </ol>
        {monthHasPayouts ? null : <p className={`mt-2 text-sm ${MUTED}`}>{t("emptyMonth")}</p>}
      </div>

      <div className="sm:hidden" data-testid="payout-calendar-week">
        <Nav
          testId="calendar-week"
          title={t("week", { from: day(week.days[0]!, "dayMonth"), to: day(week.days[6]!, "dayMonth") })}
          previous={{ href: week.previousHref, label: t("previousWeek") }}
          next={{ href: week.nextHref, label: t("nextWeek") }}
          todayHref={props.todayHref}
        />
        <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {week.days.map((d) => (
            <li key={d} data-testid={`payout-day-${d}`} aria-current={d === today ? "date" : undefined} className={`flex gap-3 p-2 ${todayRing(d)}`}>
              <span className="w-20 shrink-0 pt-1 text-sm first-letter:uppercase">{day(d, "weekday")} {day(d, "dayMonth")}</span>
              <div className="min-w-0 flex-1 space-y-1">
                {(payouts.get(d)?.length ?? 0) > 0 ? <DayPayouts day={d} props={props} /> : <span className={`block pt-1 text-sm ${MUTED}`}>{t("noPayout")}</span>}
              </div>
            </li>
          ))}
        </ol>
        {weekHasPayouts ? null : <p className={`mt-2 text-sm ${MUTED}`}>{t("emptyWeek")}</p>}
      </div>
    </section>
  );
}
