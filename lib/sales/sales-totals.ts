// Totals of the filtered set shown above the Sales table: counts, and per currency what was paid
// (completed + settled, chariow-api.md §5), original and discount — never added across currencies.
import "server-only";
import { sql, type Kysely } from "kysely";
import { PAID_SALE_STATUSES } from "@/lib/chariow/enums";
import type { Database } from "@/lib/db";
import { salesBase, type SalesQueryContext } from "./sales-query";
import type { SalesFilters, SalesTotals } from "./schemas";

export async function salesTotals(db: Kysely<Database>, filters: SalesFilters, ctx: SalesQueryContext): Promise<SalesTotals> {
  const paid = sql.join(PAID_SALE_STATUSES.map((s) => sql.lit(s)));
  const rows = await salesBase(db, filters, ctx)
    .select((eb) => [
      "sales.currency",
      eb.fn.countAll<number>().as("count"),
      sql<number>`sum(case when sales.status in (${paid}) then 1 else 0 end)`.as("paid_count"),
      sql<number>`coalesce(sum(case when sales.status in (${paid}) then sales.amount end), 0)`.as("paid"),
      sql<number>`coalesce(sum(case when sales.status in (${paid}) then sales.original_amount end), 0)`.as("original"),
      sql<number>`coalesce(sum(case when sales.status in (${paid}) then sales.discount_amount end), 0)`.as("discount"),
    ])
    .groupBy("sales.currency")
    .execute();
  let count = 0;
  const byCurrency = [];
  for (const r of rows) {
    const n = Number(r.count);
    count += n;
    // A sale without a currency (a payload that omitted every amount) counts, but has no money to sum.
    if (!r.currency) continue;
    byCurrency.push({
      currency: r.currency,
      count: n,
      paidCount: Number(r.paid_count),
      paid: { minor: Number(r.paid), currency: r.currency },
      original: { minor: Number(r.original), currency: r.currency },
      discount: { minor: Number(r.discount), currency: r.currency },
    });
  }
  byCurrency.sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
  return { count, byCurrency };
}
