// What the Payouts page opens on (issue 16): per currency, the next payout — its net and the day it is
// expected, in words and from today — each card a link to its sales; then what is still expected this week
// and what is late, per currency with their number of payout days; and which day these figures count by.
// Shared component: takes the service's answer (lib/settlements/payout-answer.ts), fetches nothing, links only.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { dayNumber } from "@/lib/http/calendar-day";
import { formatDateTime } from "@/lib/format/date-time";
import { formatMoney } from "@/lib/money";
import { payoutKey, type PayoutGroup } from "@/lib/settlements/group-settlements";
import type { PayoutAnswer, PayoutSum } from "@/lib/settlements/payout-answer";
import type { PayoutMove } from "@/lib/settlements/payout-moves";
import { CountsByPayoutDay } from "./counts-by-payout-day";
import { PayoutMoveNote } from "./payout-move-note";
import { PayoutStatus } from "./payout-status";

const MUTED = "text-zinc-600 dark:text-zinc-400";

export type PayoutAnswerCardsProps = {
  answer: PayoutAnswer;
  moves: ReadonlyMap<string, PayoutMove>;
  /** The page's drill-down of one payout (`?currency=&day=`). */
  drillHref: (p: Pick<PayoutGroup, "currency" | "dueDay">) => string;
  /** The timeline over the late payouts' days (null when none is late). */
  lateHref: string | null;
};

export function PayoutAnswerCards({ answer, moves, drillHref, lateHref }: PayoutAnswerCardsProps) {
  const t = useTranslations("Settlements");
  const locale = useLocale();
  const money = (minor: number, currency: string) => formatMoney({ minor, currency }, locale);
  const day = (d: string) => formatDateTime(d, { locale, timeZone: "UTC" }, "dayMonth");
  const fromToday = (d: string) => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(dayNumber(d) - dayNumber(answer.today), "day");
  const sums = (rows: readonly PayoutSum[], extra: (s: PayoutSum) => string | null) => (
    <ul className="space-y-2">
      {rows.map((s) => (
        <li key={s.currency} data-currency={s.currency} className="flex flex-wrap items-baseline justify-between gap-x-4">
          <span className="text-lg font-semibold tabular-nums" data-testid="payout-sum-net">
            {money(s.net, s.currency)}
          </span>
          <span className={`text-sm ${MUTED}`}>
            {[t("answer.days", { count: s.days }), extra(s)].filter(Boolean).join(" · ")}
          </span>
          {s.incompleteCount > 0 ? <span className={`basis-full text-xs ${MUTED}`}>{t("answer.incomplete", { count: s.incompleteCount })}</span> : null}
        </li>
      ))}
    </ul>
  );

  return (
    <section aria-labelledby="next-payout-title" data-testid="payout-answer" className="min-w-0 space-y-4">
      <h2 id="next-payout-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        {t("nextPayout.title")}
      </h2>
      {answer.next.length === 0 ? (
        <Card testId="next-payout-none">
          <p className={`text-sm ${MUTED}`}>{t("nextPayout.none")}</p>
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {answer.next.map((p) => {
            const move = moves.get(payoutKey(p));
            return (
              <li key={p.currency} className="min-w-0" data-currency={p.currency} data-due-day={p.dueDay}>
                <Link
                  prefetch={false}
                  href={drillHref(p)}
                  data-testid={`next-payout-${p.currency}`}
                  className="block h-full rounded-lg border border-zinc-200 bg-white p-5 shadow-sm hover:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-zinc-800 dark:bg-zinc-900"
                >
                  <span className={`block text-xs font-medium ${MUTED}`}>{p.currency}</span>
                  <span className="block text-2xl font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">{money(p.net, p.currency)}</span>
                  <span className="mt-1 block text-sm text-zinc-800 dark:text-zinc-200">
                    <DateTime value={p.dueDay} style="weekdayDate" /> · {fromToday(p.dueDay)}
                  </span>
                  <span className={`mt-1 flex flex-wrap items-center gap-2 text-sm ${MUTED}`}>
                    {t("nextPayout.sales", { count: p.salesCount })}
                    {p.status === "overdue" ? <PayoutStatus status="overdue" doneAt={null} /> : null}
                  </span>
                  {p.incompleteCount > 0 ? <span className={`block text-xs ${MUTED}`}>{t("answer.incomplete", { count: p.incompleteCount })}</span> : null}
                  {move ? <PayoutMoveNote move={move} salesCount={p.salesCount} className="mt-1" /> : null}
                  <span className="mt-2 block text-sm text-brand-700 underline dark:text-brand-100">{t("nextPayout.open")}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Card title={t("answer.weekTitle")} testId="payout-due-this-week">
          <p className={`-mt-3 mb-3 text-sm ${MUTED}`}>{t("answer.weekRange", { from: day(answer.week.from), to: day(answer.week.to) })}</p>
          {answer.dueThisWeek.length === 0 ? <p className={`text-sm ${MUTED}`}>{t("answer.weekNone")}</p> : sums(answer.dueThisWeek, () => null)}
        </Card>
        <Card title={t("answer.lateTitle")} testId="payout-late">
          {answer.late.length === 0 ? <p className={`text-sm ${MUTED}`}>{t("answer.lateNone")}</p> : sums(answer.late, (s) => t("answer.lateSince", { day: day(s.firstDay) }))}
          {lateHref ? (
            <Link prefetch={false} href={lateHref} className="mt-2 inline-flex min-h-11 items-center text-sm text-brand-700 underline dark:text-brand-100">
              {t("answer.lateOpen")}
            </Link>
          ) : null}
        </Card>
      </div>
      <CountsByPayoutDay />
    </section>
  );
}
