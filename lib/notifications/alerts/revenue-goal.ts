// The monthly revenue goal alerts (issue 19, docs/notifications.md "Alerts"), per currency with a goal
// (settings.goals, minor units): "reached" once per currency and month; "off pace" at most once per
// currency and day from the month's 7th day, when the month's paid revenue so far is under 90 % of the
// goal's share for the time elapsed, with the daily pace needed for the rest of the month. Revenue is the
// Overview's own (getOverview on the month to date), so the figure equals the page's.
import "server-only";
import type { Kysely } from "kysely";
import { getOverview } from "@/lib/analytics/overview";
import type { Database } from "@/lib/db/schema";
import { formatMoney, money } from "@/lib/money";
import { addDays, monthRange, startOfLocalDay, today as todayIn, type LocalDay } from "@/lib/time";
import { translatorFor } from "../render";
import type { AlertEvent } from "./types";

/** Off pace from this day of the month: the first days say too little. */
export const OFF_PACE_FROM_DAY = 7;
/** Off pace below this share of the goal's pro-rata. */
export const OFF_PACE_TOLERANCE = 0.9;

export interface GoalVerdict {
  currency: string;
  goal: number;
  revenue: number;
  state: "reached" | "off_pace" | "on_pace";
  /** The goal's pro-rata for the time elapsed (minor units, rounded). */
  expected: number;
  /** Minor units a day needed from today to the month's end (today included), rounded up. */
  dailyPace: number;
  remainingDays: number;
}

/**
 * The verdict for one currency (pure). `elapsed` is the fraction of the month gone at `now` (0–1), `day`
 * today's day of the month, `daysInMonth` the month's length.
 */
export function goalVerdict(o: { currency: string; goal: number; revenue: number; elapsed: number; day: number; daysInMonth: number }): GoalVerdict {
  const expected = Math.round(o.goal * o.elapsed);
  const remainingDays = o.daysInMonth - o.day + 1;
  const dailyPace = Math.max(0, Math.ceil((o.goal - o.revenue) / remainingDays));
  const state = o.revenue >= o.goal ? "reached" : o.day >= OFF_PACE_FROM_DAY && o.revenue < o.goal * o.elapsed * OFF_PACE_TOLERANCE ? "off_pace" : "on_pace";
  return { currency: o.currency, goal: o.goal, revenue: o.revenue, state, expected, dailyPace, remainingDays };
}

export function goalEvent(v: GoalVerdict, month: { from: LocalDay; to: LocalDay }, today: LocalDay): AlertEvent {
  const reached = v.state === "reached";
  const monthKey = month.from.slice(0, 7);
  return {
    topic: reached ? "goal_reached" : "goal_off_pace",
    subject: v.currency,
    dedupeKey: reached ? `goal_reached:${v.currency}:${monthKey}` : `goal_off_pace:${v.currency}:${today}`,
    facts: { currency: v.currency, month: monthKey, goal: v.goal, revenue: v.revenue, expected: v.expected, dailyPace: v.dailyPace, remainingDays: v.remainingDays },
    path: `/overview?range=custom&from=${month.from}&to=${month.to}`,
    permission: "analytics:read",
    async words(locale) {
      const t = await translatorFor(locale, `Notifications.alerts.${reached ? "goal_reached" : "goal_off_pace"}`);
      const amount = (minor: number) => formatMoney(money(minor, v.currency), locale);
      const monthName = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month.from}T12:00:00Z`));
      const values = { currency: v.currency, month: monthName, revenue: amount(v.revenue), goal: amount(v.goal), expected: amount(v.expected), pace: amount(v.dailyPace), days: v.remainingDays };
      return { title: t("title", values), body: t("body", values) };
    },
  };
}

export async function revenueGoalAlerts(db: Kysely<Database>, goals: Record<string, number>, now: Date, timeZone: string): Promise<AlertEvent[]> {
  const currencies = Object.keys(goals);
  if (currencies.length === 0) return [];
  const today = todayIn(timeZone, now);
  const month = monthRange(today);
  const start = Date.parse(startOfLocalDay(month.from, timeZone));
  const end = Date.parse(startOfLocalDay(addDays(month.to, 1), timeZone));
  const overview = await getOverview(db, { range: "custom", from: month.from, to: today, compare: "none" }, { timeZone, now });
  const events: AlertEvent[] = [];
  for (const currency of currencies) {
    const revenue = overview.byCurrency.find((c) => c.currency === currency)?.kpis.paidRevenue ?? 0;
    const v = goalVerdict({ currency, goal: goals[currency]!, revenue, elapsed: (now.getTime() - start) / (end - start), day: Number(today.slice(8, 10)), daysInMonth: Number(month.to.slice(8, 10)) });
    if (v.state !== "on_pace") events.push(goalEvent(v, month, today));
  }
  return events;
}
