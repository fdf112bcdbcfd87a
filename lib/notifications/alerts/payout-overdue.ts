// The "payout overdue" alert (issue 19, docs/notifications.md "Alerts"): per currency, a payout whose due
// day passed more than `payoutOverdueDays` ago without being paid out. The late payouts are the Payouts
// page's own (getPayoutAnswer: whole payout groups), so the amount equals the page's to the minor unit.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { formatDateTime } from "@/lib/format/date-time";
import { formatMoney, money } from "@/lib/money";
import { getPayoutAnswer, type PayoutSum } from "@/lib/settlements/payout-answer";
import { today as todayIn, type LocalDay } from "@/lib/time";
import { translatorFor } from "../render";
import type { AlertEvent } from "./types";

/** Whole days from `from` to `to` (local calendar days). */
const daysFrom = (from: LocalDay, to: LocalDay) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The currencies whose oldest late payout is more than `thresholdDays` days past its due day (pure). The
 * key names that due day: once it is paid out, a still-late newer payout gets its own alert.
 */
export function overduePayouts(late: readonly PayoutSum[], today: LocalDay, thresholdDays: number): (PayoutSum & { lateDays: number })[] {
  return late.map((l) => ({ ...l, lateDays: daysFrom(l.firstDay, today) })).filter((l) => l.lateDays > thresholdDays);
}

export function payoutOverdueEvent(l: PayoutSum & { lateDays: number }, timeZone: string): AlertEvent {
  return {
    topic: "payout_overdue",
    subject: l.currency,
    dedupeKey: `payout_overdue:${l.currency}:${l.firstDay}`,
    facts: { currency: l.currency, net: l.net, firstDueDay: l.firstDay, lateDays: l.lateDays, payoutDays: l.days, salesCount: l.salesCount },
    path: "/settlements",
    permission: "settlements:read",
    async words(locale) {
      const t = await translatorFor(locale, "Notifications.alerts.payout_overdue");
      return {
        title: t("title", { currency: l.currency }),
        body: t("body", { amount: formatMoney(money(l.net, l.currency), locale), day: formatDateTime(l.firstDay, { locale, timeZone }, "date"), late: l.lateDays, days: l.days }),
      };
    },
  };
}

export async function payoutOverdueAlerts(db: Kysely<Database>, thresholdDays: number, now: Date, timeZone: string): Promise<AlertEvent[]> {
  const answer = await getPayoutAnswer(db, timeZone, now);
  return overduePayouts(answer.late, todayIn(timeZone, now), thresholdDays).map((l) => payoutOverdueEvent(l, timeZone));
}
