// The answer the Payouts page opens on (issue 16): per currency, the next payout (net and day), what is
// still to come this week (Monday to Sunday in the store's zone) and what is late. A payout is a whole
// group — every paid sale of one currency and local due day, paid out or not — built by the timeline's own
// groupSettlements, so each figure equals the timeline's to the minor unit. Everything here counts by the
// payout's due day, not by the sale's day.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { addDays, localDay, startOfLocalDay, today as todayIn, type LocalDay } from "@/lib/time";
import { groupPayoutBuckets, nextPayouts, type PayoutGroup } from "./group-settlements";
import { dueRangeOf, isPaid, payoutBuckets } from "./list-settlements";
import { weekOf } from "./payout-calendar";

/** How far ahead a next payout is looked for (Chariow pays a few days after the sale). */
export const NEXT_PAYOUT_HORIZON_DAYS = 60;

/** Several payouts of one currency added up: a week's, or the late ones. */
export interface PayoutSum {
  currency: string;
  /** Chariow's net (settlement amounts) and the gross paid, of the sales whose both are known. */
  net: number;
  gross: number;
  /** Payout days (groups) counted. */
  days: number;
  salesCount: number;
  /** Sales left out of the sums because an amount is unknown (as in each group). */
  incompleteCount: number;
  firstDay: LocalDay;
  lastDay: LocalDay;
}

export interface PayoutAnswer {
  today: LocalDay;
  /** This week in the store's zone, Monday to Sunday. */
  week: { from: LocalDay; to: LocalDay };
  /** Per currency, the earliest payout not paid out whose due day is today or later. */
  next: PayoutGroup[];
  /** Per currency, the payouts of this week not due yet. */
  dueThisWeek: PayoutSum[];
  /** Per currency, the payouts whose due time has passed without being paid out (any day). */
  late: PayoutSum[];
}

function sumsByCurrency(groups: readonly PayoutGroup[]): PayoutSum[] {
  const sums = new Map<string, PayoutSum>();
  for (const g of groups) {
    const s = sums.get(g.currency) ?? { currency: g.currency, net: 0, gross: 0, days: 0, salesCount: 0, incompleteCount: 0, firstDay: g.dueDay, lastDay: g.dueDay };
    s.net += g.net;
    s.gross += g.gross;
    s.days += 1;
    s.salesCount += g.salesCount;
    s.incompleteCount += g.incompleteCount;
    if (g.dueDay < s.firstDay) s.firstDay = g.dueDay;
    if (g.dueDay > s.lastDay) s.lastDay = g.dueDay;
    sums.set(g.currency, s);
  }
  return [...sums.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The answer from whole payout groups (every group not paid out must be among them). Pure. */
export function answerFromGroups(groups: readonly PayoutGroup[], today: LocalDay): PayoutAnswer {
  const week = weekOf(today);
  return {
    today,
    week,
    next: nextPayouts(groups, today),
    dueThisWeek: sumsByCurrency(groups.filter((g) => g.status === "due" && g.dueDay >= week.from && g.dueDay <= week.to)),
    late: sumsByCurrency(groups.filter((g) => g.status === "overdue")),
  };
}

/** Consecutive days merged into ranges, so a few queries cover them. */
function runsOf(days: readonly LocalDay[]): { from: LocalDay; to: LocalDay }[] {
  const runs: { from: LocalDay; to: LocalDay }[] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && addDays(last.to, 1) === day) last.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}

/**
 * The whole payout groups that still owe something: the local days with a paid sale not paid out (due
 * before the day `before`, and from the day `from` when given), then every paid sale of those days —
 * paid-out ones too, as the timeline counts them.
 */
async function unpaidPayoutGroups(db: Kysely<Database>, timeZone: string, now: Date, bounds: { from?: LocalDay; before: LocalDay }, shown?: ShownPayouts): Promise<PayoutGroup[]> {
  let owing = db
    .selectFrom("sales")
    .select("settlement_due_at")
    .distinct()
    .where(isPaid)
    .where("settlement_done_at", "is", null)
    .where("settlement_due_at", "<", startOfLocalDay(bounds.before, timeZone));
  if (bounds.from) owing = owing.where("settlement_due_at", ">=", startOfLocalDay(bounds.from, timeZone));
  const owed = [...new Set((await owing.execute()).flatMap((r) => (r.settlement_due_at === null ? [] : [localDay(r.settlement_due_at, timeZone)])))].sort();
  // A day's groups already read with the page's timeline are taken from it (the same whole groups).
  const isShown = (day: LocalDay) => shown !== undefined && day >= shown.range.from && day <= shown.range.to;
  const owedDays = new Set(owed);
  const known = shown ? shown.groups.filter((g) => isShown(g.dueDay) && owedDays.has(g.dueDay)) : [];
  const runs = runsOf(owed.filter((day) => !isShown(day)));
  // Each run's due instants, read from the payout rollup in chunks that stay far under the engines' limits.
  const buckets = [];
  for (let i = 0; i < runs.length; i += 100) buckets.push(...(await payoutBuckets(db, runs.slice(i, i + 100).map((r) => dueRangeOf(r, timeZone)))));
  // A bucket is one due instant, so one day's buckets never straddle two chunks' ranges.
  return [...known, ...groupPayoutBuckets(buckets, timeZone, now)];
}

/** A timeline already read (the Payouts page's range): its range of local due days and its groups. */
export type ShownPayouts = { range: { from: LocalDay; to: LocalDay }; groups: readonly PayoutGroup[] };

/**
 * Next payout per currency, this week's and the late payouts, whatever range the page shows. `shown`, the
 * page's timeline when already read, spares reading again the owed days it holds (issue 17).
 */
export async function getPayoutAnswer(db: Kysely<Database>, timeZone: string, now: Date = new Date(), shown?: ShownPayouts): Promise<PayoutAnswer> {
  const day = todayIn(timeZone, now);
  const horizon = addDays(day, NEXT_PAYOUT_HORIZON_DAYS);
  const weekAfter = addDays(weekOf(day).to, 1);
  const groups = await unpaidPayoutGroups(db, timeZone, now, { before: horizon > weekAfter ? horizon : weekAfter }, shown);
  return answerFromGroups(groups, day);
}

/** The next payout per currency (the Overview's card, GET /api/settlements/next): looks 60 days ahead. */
export async function getNextPayouts(db: Kysely<Database>, timeZone: string, now: Date = new Date()): Promise<PayoutGroup[]> {
  const day = todayIn(timeZone, now);
  const groups = await unpaidPayoutGroups(db, timeZone, now, { from: day, before: addDays(day, NEXT_PAYOUT_HORIZON_DAYS) });
  return nextPayouts(groups, day);
}
