// What the Payouts page sums instead of reading every paid sale of its range (issue 17, migration 0023):
// per payout currency × due instant, the paid sales with a known payout, their sums and the latest payout
// instant. Kept by delta in upsertSales (old contribution out, new one in), like the rollups. The latest
// instant is a max, not a sum: adding a sale can only raise it, so it is raised in the same upsert; a sale
// leaving its bucket (or losing its payout instant) may lower it, so that bucket's max is read again from
// the sales after they are written — rare (a payout made is not unmade; a reschedule moves a sale before
// it is paid out) and one index range of one due instant.
// With several stores, store_id would lead the key.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database, SaleRow, SalesPayoutRollupTable } from "@/lib/db";

/** Paid, as lib/settlements PAID (restated: lib/settlements reads this module's table). */
const PAID = new Set(["completed", "settled"]);

type PayoutData = Pick<SaleRow, "status" | "currency" | "settlement_currency" | "amount" | "settlement_net" | "gateway_fee" | "service_fee" | "settlement_due_at" | "settlement_done_at">;

export type PayoutRollupKey = Pick<SalesPayoutRollupTable, "due_at" | "currency">;
type Sums = Omit<SalesPayoutRollupTable, "due_at" | "currency" | "done_at">;

/** A sale's bucket, or null when it is not a paid sale with a known payout (it counts nowhere). */
export function payoutRollupKey(d: PayoutData): PayoutRollupKey | null {
  if (!PAID.has(d.status) || d.settlement_due_at === null) return null;
  return { due_at: d.settlement_due_at, currency: d.settlement_currency ?? d.currency ?? "" };
}

/** One sale's sums: it counts in the money sums only when its paid amount, net and currency are known. */
function saleSums(d: PayoutData): Sums {
  const complete = d.amount !== null && d.settlement_net !== null && (d.settlement_currency ?? d.currency) !== null;
  return {
    sales_count: 1,
    settled_count: d.settlement_done_at === null ? 0 : 1,
    complete_count: complete ? 1 : 0,
    gross: complete ? Number(d.amount) : 0,
    net: complete ? Number(d.settlement_net) : 0,
    gateway_fee: complete && d.gateway_fee !== null ? Number(d.gateway_fee) : 0,
    gateway_fee_unknown: complete && d.gateway_fee === null ? 1 : 0,
    service_fee: complete && d.service_fee !== null ? Number(d.service_fee) : 0,
    service_fee_unknown: complete && d.service_fee === null ? 1 : 0,
  };
}

const keyId = (k: PayoutRollupKey) => `${k.due_at}\u0000${k.currency}`;
const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b);

/** A batch's net change to the payout rollup. */
export class PayoutDelta {
  private readonly buckets = new Map<string, PayoutRollupKey & Sums & { done_at: string | null }>();
  /** Buckets a paid-out sale left: their latest payout instant is read again from the sales. */
  private readonly stale = new Map<string, PayoutRollupKey>();

  /** The change from `before` (absent for a new sale) to `after` for one sale. */
  change(before: PayoutData | undefined, after: PayoutData): void {
    const was = before ? payoutRollupKey(before) : null;
    const now = payoutRollupKey(after);
    if (was) {
      this.add(was, saleSums(before!), -1, null);
      // Same bucket, same payout instant: the max cannot drop.
      const kept = now !== null && keyId(now) === keyId(was) && after.settlement_done_at === before!.settlement_done_at;
      if (before!.settlement_done_at !== null && !kept) this.stale.set(keyId(was), was);
    }
    if (now) this.add(now, saleSums(after), 1, after.settlement_done_at);
  }

  private add(key: PayoutRollupKey, sums: Sums, sign: 1 | -1, doneAt: string | null): void {
    const id = keyId(key);
    let b = this.buckets.get(id);
    if (!b) {
      b = { ...key, sales_count: 0, settled_count: 0, complete_count: 0, gross: 0, net: 0, gateway_fee: 0, gateway_fee_unknown: 0, service_fee: 0, service_fee_unknown: 0, done_at: null };
      this.buckets.set(id, b);
    }
    for (const k of Object.keys(sums) as (keyof Sums)[]) b[k] += sign * sums[k];
    b.done_at = later(b.done_at, doneAt);
  }

  rows(): SalesPayoutRollupTable[] {
    return [...this.buckets.values()].filter((b) => b.done_at !== null || Object.entries(b).some(([k, v]) => k !== "due_at" && k !== "currency" && v !== 0));
  }

  staleBuckets(): PayoutRollupKey[] {
    return [...this.stale.values()];
  }
}

const CHUNK = 500;
const SUM_NAMES = ["sales_count", "settled_count", "complete_count", "gross", "net", "gateway_fee", "gateway_fee_unknown", "service_fee", "service_fee_unknown"] as const;

/**
 * Adds the batch's changes (insert, or add on conflict), then reads again the latest payout instant of the
 * buckets a paid-out sale left — after the batch's sales are written. Buckets that drop to zero stay as
 * zero rows, as in the rollups: the reader skips them.
 */
export async function applyPayoutDelta(trx: Kysely<Database>, delta: PayoutDelta): Promise<void> {
  const rows = delta.rows();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("sales_payout_rollup")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(["due_at", "currency"]).doUpdateSet({
          ...Object.fromEntries(SUM_NAMES.map((c) => [c, sql`sales_payout_rollup.${sql.ref(c)} + excluded.${sql.ref(c)}`])),
          done_at: sql`case when excluded.done_at is null then sales_payout_rollup.done_at when sales_payout_rollup.done_at is null or excluded.done_at > sales_payout_rollup.done_at then excluded.done_at else sales_payout_rollup.done_at end`,
        }),
      )
      .execute();
  }
  for (const k of delta.staleBuckets()) {
    await trx
      .updateTable("sales_payout_rollup")
      .set({
        done_at: (eb) =>
          eb
            .selectFrom("sales")
            .select((s) => s.fn.max("settlement_done_at").as("m"))
            .where("settlement_due_at", "=", k.due_at)
            .where(sql<boolean>`coalesce(settlement_currency, currency, '') = ${k.currency}`)
            .where("status", "in", [...PAID]),
      })
      .where("due_at", "=", k.due_at)
      .where("currency", "=", k.currency)
      .execute();
  }
}
