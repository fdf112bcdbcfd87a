// The new-vs-returning split per whole local month (migration 0017, schema.ts SalesCustomerSplitMonthlyTable):
// a sale's contributions from its customer facts, kept by delta like the rollups, so the Revenue page reads
// a long range's whole months from a few thousand rows instead of every paid sale in them.
import "server-only";
import type { Kysely } from "kysely";
import { PAID_SALE_STATUSES } from "@/lib/chariow/enum-values";
import type { Database, SaleRow } from "@/lib/db";
import { localDayOrNull } from "@/lib/time";

/** What a sale's contributions depend on. */
export type SplitFacts = Pick<SaleRow, "status" | "currency" | "local_day" | "customer_id" | "amount" | "first_paid_at" | "prev_paid_at">;

type Cell = { currency: string; local_month: string; fact: string; fact_day: string; count: number; amount: number };

export class CustomerSplitDelta {
  private readonly cells = new Map<string, Cell>();
  private readonly days = new Map<string, string | null>();

  constructor(private readonly timeZone: string) {}

  /** Adds (sign 1) or removes (sign -1) a sale's contributions. */
  add(row: SplitFacts | undefined, sign: 1 | -1): void {
    if (!row || !(PAID_SALE_STATUSES as readonly string[]).includes(row.status) || row.currency === null || row.local_day === null) return;
    const month = row.local_day.slice(0, 7);
    const amount = (row.amount ?? 0) * sign;
    if (row.customer_id === null) return this.bump(row.currency, month, "unknown", "", sign, amount);
    // The facts are the created_at of sales of this chain: their local day is those sales' local_day.
    this.bump(row.currency, month, "first", this.dayOf(row.first_paid_at) ?? "", sign, amount);
    if (row.prev_paid_at === null) this.bump(row.currency, month, "no_prev", "", sign, amount);
    else this.bump(row.currency, month, "prev", this.dayOf(row.prev_paid_at) ?? "", sign, amount);
  }

  private dayOf(instant: string | null): string | null {
    if (instant === null) return null;
    let day = this.days.get(instant);
    if (day === undefined) this.days.set(instant, (day = localDayOrNull(instant, this.timeZone)));
    return day;
  }

  private bump(currency: string, local_month: string, fact: string, fact_day: string, count: number, amount: number): void {
    const key = `${currency}|${local_month}|${fact}|${fact_day}`;
    const cell = this.cells.get(key);
    if (cell) {
      cell.count += count;
      cell.amount += amount;
    } else this.cells.set(key, { currency, local_month, fact, fact_day, count, amount });
  }

  /** The non-zero changes (a status flip back and forth in one batch cancels out). */
  changes(): Cell[] {
    return [...this.cells.values()].filter((c) => c.count !== 0 || c.amount !== 0);
  }
}

const WRITE_CHUNK = 500;

export async function applyCustomerSplitDelta(trx: Kysely<Database>, delta: CustomerSplitDelta): Promise<void> {
  const cells = delta.changes();
  for (let i = 0; i < cells.length; i += WRITE_CHUNK) {
    await trx
      .insertInto("sales_customer_split_monthly")
      .values(cells.slice(i, i + WRITE_CHUNK))
      .onConflict((oc) =>
        oc.columns(["currency", "local_month", "fact", "fact_day"]).doUpdateSet((eb) => ({
          count: eb("sales_customer_split_monthly.count", "+", eb.ref("excluded.count")),
          amount: eb("sales_customer_split_monthly.amount", "+", eb.ref("excluded.amount")),
        })),
      )
      .execute();
  }
}
