// The monthly payout statement of one currency (issue 16), for the accountant: every payout day of the
// month (by payout day, the Payouts page's own grouping) with gross, what Chariow kept and net, and the
// month's totals — the very numbers of the Payouts page for that month and currency (same service).
import "server-only";
import { z } from "zod";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { addDays, monthRange, startOfLocalDay, today, type LocalDay } from "@/lib/time";
import { PAID } from "./group-settlements";
import { listSettlements } from "./list-settlements";

export const statementQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month like 2026-11"),
  currency: z.string().regex(/^[A-Z]{3}$/, "expected a currency code like XOF"),
});
export type StatementQuery = z.infer<typeof statementQuerySchema>;

export async function buildStatement(db: Kysely<Database>, query: StatementQuery, timeZone: string, now: Date = new Date()) {
  const { from, to } = monthRange(`${query.month}-01`);
  const timeline = await listSettlements(db, { from, to }, timeZone, now);
  const days = timeline.groups.filter((g) => g.currency === query.currency).sort((a, b) => (a.dueDay < b.dueDay ? -1 : a.dueDay > b.dueDay ? 1 : 0));
  return {
    ...query,
    from,
    to,
    timeZone,
    days,
    totals: timeline.totals.find((t) => t.currency === query.currency) ?? null,
    unknown: timeline.unknown.find((u) => u.currency === query.currency) ?? null,
  };
}
export type Statement = Awaited<ReturnType<typeof buildStatement>>;

/**
 * The currencies a statement can be asked for: those of the paid sales with a known payout day in the
 * last 13 months (the months a statement is usually asked for), the most sold first.
 */
export async function listStatementCurrencies(db: Kysely<Database>, timeZone: string, now: Date = new Date()): Promise<string[]> {
  const since: LocalDay = addDays(today(timeZone, now), -400);
  const currency = sql<string | null>`coalesce(settlement_currency, currency)`;
  const rows = await db
    .selectFrom("sales")
    .select((eb) => [currency.as("currency"), eb.fn.countAll<number | string>().as("n")])
    .where("status", "in", PAID)
    .where("settlement_due_at", ">=", startOfLocalDay(since, timeZone))
    .groupBy(currency)
    .execute();
  return rows
    .flatMap((r) => (r.currency === null ? [] : [{ currency: r.currency, n: Number(r.n) }]))
    .sort((a, b) => b.n - a.n || a.currency.localeCompare(b.currency))
    .map((r) => r.currency);
}
