// The optional "new sales" alert (issue 19, docs/notifications.md "Alerts"; settings.newSales): the paid
// sales of each batch window (`batchMinutes`, counted from the Unix epoch, so every instance cuts the same
// windows), one event per window that had any, raised at the first tick after it closes. A sale paid in a
// window but mirrored after that tick is not announced (a notice, not a ledger: the digest counts it).
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { formatDateTime } from "@/lib/format/date-time";
import { formatMoney, money } from "@/lib/money";
import { translatorFor } from "../render";
import type { AlertEvent } from "./types";

/** The window that closed last before `now` (pure): [from, to). */
export function lastClosedBatch(now: Date, batchMinutes: number): { from: Date; to: Date } {
  const size = batchMinutes * 60_000;
  const to = Math.floor(now.getTime() / size) * size;
  return { from: new Date(to - size), to: new Date(to) };
}

/** Paid sales (completed or settled) whose payment time falls in the window, per currency. */
export async function paidInWindow(db: Kysely<Database>, window: { from: Date; to: Date }): Promise<{ currency: string; count: number; amount: number }[]> {
  const rows = await db
    .selectFrom("sales")
    .select(["currency", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>("amount").as("amount")])
    .where("status", "in", ["completed", "settled"])
    .where("completed_at", ">=", window.from.toISOString())
    .where("completed_at", "<", window.to.toISOString())
    .where("currency", "is not", null)
    .groupBy("currency")
    .orderBy("currency")
    .execute();
  return rows.map((r) => ({ currency: r.currency!, count: Number(r.n), amount: Number(r.amount ?? 0) }));
}

export function newSalesEvent(window: { from: Date; to: Date }, sums: { currency: string; count: number; amount: number }[], timeZone: string): AlertEvent {
  const count = sums.reduce((s, c) => s + c.count, 0);
  return {
    topic: "new_sales",
    subject: "sales",
    dedupeKey: `new_sales:${window.from.toISOString()}`,
    facts: { from: window.from.toISOString(), to: window.to.toISOString(), count, ...Object.fromEntries(sums.map((c) => [`amount${c.currency}`, c.amount])) },
    path: "/sales",
    permission: "sales:read",
    async words(locale) {
      const t = await translatorFor(locale, "Notifications.alerts.new_sales");
      const amounts = new Intl.ListFormat(locale, { type: "conjunction" }).format(sums.map((c) => formatMoney(money(c.amount, c.currency), locale)));
      const at = (d: Date) => formatDateTime(d.toISOString(), { locale, timeZone }, "time");
      return { title: t("title", { count }), body: t("body", { amounts, from: at(window.from), to: at(window.to) }) };
    },
  };
}

export async function newSalesAlerts(db: Kysely<Database>, settings: { enabled: boolean; batchMinutes: number }, now: Date, timeZone: string): Promise<AlertEvent[]> {
  if (!settings.enabled) return [];
  const window = lastClosedBatch(now, settings.batchMinutes);
  const sums = await paidInWindow(db, window);
  return sums.length === 0 ? [] : [newSalesEvent(window, sums, timeZone)];
}
