// The digest's figures (issue 19, docs/notifications.md "Digest"): what a merchant asks every morning,
// read through the pages' own services so each number is the page's — the Overview's KPIs (paid revenue
// and sales, failed and abandoned, per currency, against the day before and the same weekday last week),
// the Recovery page's recovered leads, the Payouts page's next and late payouts, and the top product.
// Daily: yesterday in the store's zone. Weekly (Mondays): last Monday to Sunday against the week before.
import "server-only";
import type { Kysely } from "kysely";
import { getOverview } from "@/lib/analytics/overview";
import type { Database } from "@/lib/db/schema";
import { getRecoveryWindowDays, rangeRecoveries, recoveryStats } from "@/lib/recovery";
import { getPayoutAnswer } from "@/lib/settlements/payout-answer";
import { addDays, today as todayIn, type LocalDay } from "@/lib/time";

export type DigestKind = "daily" | "weekly";
type Range = { from: LocalDay; to: LocalDay };

export interface DigestCurrency {
  currency: string;
  revenue: number;
  paidCount: number;
  /** The period before (the day before; the week before). */
  previousRevenue: number;
  /** Daily only: the same weekday a week earlier. */
  lastWeekRevenue: number | null;
  failedCount: number;
  failedValue: number;
  abandonedCount: number;
  abandonedValue: number;
  /** Failed and abandoned sales of the period recovered since (the Recovery page over the same days). */
  recoveredCount: number;
  recoveredValue: number;
  topProduct: { id: string; name: string | null; revenue: number; paidCount: number } | null;
}

export interface DigestFigures {
  kind: DigestKind;
  /** The local day the digest is for (sent on): its period ends the day before. */
  day: LocalDay;
  period: Range;
  previous: Range;
  lastWeek: Range | null;
  timeZone: string;
  currencies: DigestCurrency[];
  /** Per currency, the next payout not paid out (day, Chariow's net). */
  nextPayouts: { currency: string; dueDay: LocalDay; net: number; salesCount: number }[];
  /** Per currency, payouts past their due time (any day). */
  late: { currency: string; net: number; days: number; firstDay: LocalDay }[];
}

/** Monday of the week of `day` (ISO weeks). */
function mondayOf(day: LocalDay): LocalDay {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(day, -((weekday + 6) % 7));
}

export function isMonday(day: LocalDay): boolean {
  return new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
}

export function digestPeriods(kind: DigestKind, day: LocalDay): { period: Range; previous: Range; lastWeek: Range | null } {
  if (kind === "daily") {
    const y = addDays(day, -1);
    return { period: { from: y, to: y }, previous: { from: addDays(y, -1), to: addDays(y, -1) }, lastWeek: { from: addDays(y, -7), to: addDays(y, -7) } };
  }
  const from = addDays(mondayOf(day), -7);
  return { period: { from, to: addDays(from, 6) }, previous: { from: addDays(from, -7), to: addDays(from, -1) }, lastWeek: null };
}

export async function composeDigest(db: Kysely<Database>, kind: DigestKind, { timeZone, now = new Date() }: { timeZone: string; now?: Date }): Promise<DigestFigures> {
  const day = todayIn(timeZone, now);
  const { period, previous, lastWeek } = digestPeriods(kind, day);
  const ctx = { timeZone, now };
  const [overview, weekAgo, windowDays, payouts] = await Promise.all([
    getOverview(db, { range: "custom", from: period.from, to: period.to, compare: "previous", interval: undefined }, ctx),
    lastWeek ? getOverview(db, { range: "custom", from: lastWeek.from, to: lastWeek.to, compare: "none", interval: undefined }, ctx) : null,
    getRecoveryWindowDays(db),
    getPayoutAnswer(db, timeZone, now),
  ]);
  const recovery = recoveryStats((await rangeRecoveries(db, period, windowDays)).groups);
  const currencies = new Set([...overview.currencies, ...recovery.byCurrency.filter((c) => c.recoveredLeads > 0).map((c) => c.currency)]);
  const rows: DigestCurrency[] = [...currencies].map((currency) => {
    const o = overview.byCurrency.find((c) => c.currency === currency);
    const w = weekAgo?.byCurrency.find((c) => c.currency === currency);
    const r = recovery.byCurrency.find((c) => c.currency === currency);
    const top = o?.topProducts[0];
    return {
      currency,
      revenue: o?.kpis.paidRevenue ?? 0,
      paidCount: o?.kpis.paidCount ?? 0,
      previousRevenue: o?.previous?.paidRevenue ?? 0,
      lastWeekRevenue: weekAgo ? (w?.kpis.paidRevenue ?? 0) : null,
      failedCount: o?.kpis.failedCount ?? 0,
      failedValue: o?.kpis.failedValue ?? 0,
      abandonedCount: o?.kpis.abandonedCount ?? 0,
      abandonedValue: o?.kpis.abandonedValue ?? 0,
      recoveredCount: r?.recoveredLeads ?? 0,
      recoveredValue: r?.recoveredValue ?? 0,
      topProduct: top ? { id: top.id, name: top.name, revenue: top.revenue, paidCount: top.paidCount } : null,
    };
  });
  rows.sort((a, b) => b.revenue - a.revenue || b.paidCount - a.paidCount || a.currency.localeCompare(b.currency));
  return {
    kind,
    day,
    period,
    previous,
    lastWeek,
    timeZone,
    currencies: rows,
    nextPayouts: payouts.next.map((g) => ({ currency: g.currency, dueDay: g.dueDay, net: g.net, salesCount: g.salesCount })),
    late: payouts.late.map((s) => ({ currency: s.currency, net: s.net, days: s.days, firstDay: s.firstDay })),
  };
}
