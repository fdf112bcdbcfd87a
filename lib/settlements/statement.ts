// The monthly payout statement of one currency (issue 16), for the accountant: every payout day of the
// month (by payout day, the Payouts page's own grouping) with gross, what Chariow kept and net, and the
// month's totals — the very numbers of the Payouts page for that month and currency (same service).
import "server-only";
import { z } from "zod";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { addDays, monthRange, startOfLocalDay, today, type LocalDay } from "@/lib/time";
import { PAID } from "./group-settlements";
import { isPaid, listSettlements } from "./list-settlements";

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

/** The payout currency as sales_payout_currency_idx holds it (migration 0022): '' when unknown. */
const payoutCurrency = sql<string>`coalesce(settlement_currency, currency, '')`;

/**
 * The currencies a statement can be asked for: those of the paid sales with a known payout day in the
 * last 13 months (the months a statement is usually asked for), the most sold first.
 *
 * Which currencies is exact, and cheap (migration 0022, sales_payout_currency_idx): the distinct known payout
 * currencies are walked one seek each (a loose scan: the smallest currency after the last one found), and
 * each kept if a paid sale of it has a payout since that day (one more seek). The order is the monthly
 * rollups' count of paid sales over the same months (lib/mirror/rollups.ts, by sale month and sale
 * currency: the same order whenever a payout is in the currency of its sale, as Chariow pays) — counting
 * the payouts themselves read 13 months of them (0.4–0.7 s at a million sales). Ties, and currencies the
 * rollups do not know, by code.
 */
export async function listStatementCurrencies(db: Kysely<Database>, timeZone: string, now: Date = new Date()): Promise<string[]> {
  const since: LocalDay = addDays(today(timeZone, now), -400);
  const known = sql`settlement_due_at is not null`;
  const { rows } = await sql<{ currency: string }>`
    with recursive c(currency) as (
      select min(${payoutCurrency}) from sales where ${known} and ${payoutCurrency} > ''
      union all
      select (select min(${payoutCurrency}) from sales where ${known} and ${payoutCurrency} > c.currency) from c where c.currency is not null
    )
    select currency from c
    where currency is not null
      and exists (select 1 from sales where ${known} and ${payoutCurrency} = c.currency and settlement_due_at >= ${startOfLocalDay(since, timeZone)} and ${isPaid})
  `.execute(db);
  if (rows.length === 0) return [];
  const sold = await db
    .selectFrom("sales_rollup_monthly")
    .select(["currency", sql<number | string>`sum(count)`.as("n")])
    .where("dimension", "=", "all")
    .where("status", "in", PAID)
    .where("local_month", ">=", since.slice(0, 7))
    .where("currency", "in", rows.map((r) => r.currency))
    .groupBy("currency")
    .execute();
  const n = new Map(sold.map((r) => [r.currency, Number(r.n)]));
  return rows.map((r) => r.currency).sort((a, b) => (n.get(b) ?? 0) - (n.get(a) ?? 0) || a.localeCompare(b));
}
