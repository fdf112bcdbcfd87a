// The monthly payout statement of one currency (issue 16), for the accountant: every payout day of the
// month (by payout day, the Payouts page's own grouping) with gross, what Chariow kept and net, and the
// month's totals — the very numbers of the Payouts page for that month and currency (same service).
import "server-only";
import { z } from "zod";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { monthRange } from "@/lib/time";
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
