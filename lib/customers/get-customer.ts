// A customer's page: who they are (as the mirror learnt them from sales), lifetime paid value per
// currency, first and last paid purchase, and their failed / abandoned attempts. Their purchases are
// the Sales view filtered on them (lib/sales), so the same table, sort and export apply.
import "server-only";
import { sql, type Kysely } from "kysely";
import { PAID_SALE_STATUSES } from "@/lib/chariow/enums";
import type { Database } from "@/lib/db";
import type { Money } from "@/lib/money";

export type CustomerSummary = {
  id: string;
  name: string | null;
  email: string | null;
  firstSeenAt: string | null;
  salesCount: number;
  paidCount: number;
  failedCount: number;
  abandonedCount: number;
  awaitingCount: number;
  lifetimePaid: Money[];
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
};

export async function getCustomer(db: Kysely<Database>, id: string): Promise<CustomerSummary | null> {
  const [customer, byStatus, byCurrency] = await Promise.all([
    db.selectFrom("customers").selectAll().where("id", "=", id).executeTakeFirst(),
    db
      .selectFrom("sales")
      .select((eb) => ["status", eb.fn.countAll<number>().as("count")])
      .where("customer_id", "=", id)
      .groupBy("status")
      .execute(),
    db
      .selectFrom("sales")
      .select((eb) => [
        "currency",
        eb.fn.sum<number>("amount").as("paid"),
        sql<string | null>`min(completed_at)`.as("first_completed"),
        sql<string | null>`max(completed_at)`.as("last_completed"),
        sql<string | null>`min(created_at)`.as("first_created"),
        sql<string | null>`max(created_at)`.as("last_created"),
      ])
      .where("customer_id", "=", id)
      .where("status", "in", PAID_SALE_STATUSES)
      .groupBy("currency")
      .execute(),
  ]);
  const counts = new Map(byStatus.map((r) => [r.status, Number(r.count)]));
  const salesCount = [...counts.values()].reduce((a, b) => a + b, 0);
  if (!customer && salesCount === 0) return null;
  const latestSale = await db.selectFrom("sales").select(["customer_name", "customer_email"]).where("customer_id", "=", id).orderBy("created_at", "desc").limit(1).executeTakeFirst();
  // A purchase's moment is its payment (completed_at) when known, else its creation.
  const firsts = byCurrency.map((r) => r.first_completed ?? r.first_created).filter((v): v is string => v !== null);
  const lasts = byCurrency.map((r) => r.last_completed ?? r.last_created).filter((v): v is string => v !== null);
  return {
    id,
    name: customer?.name ?? latestSale?.customer_name ?? null,
    email: customer?.email ?? latestSale?.customer_email ?? null,
    firstSeenAt: customer?.first_seen_at ?? null,
    salesCount,
    paidCount: PAID_SALE_STATUSES.reduce((n, s) => n + (counts.get(s) ?? 0), 0),
    failedCount: counts.get("failed") ?? 0,
    abandonedCount: counts.get("abandoned") ?? 0,
    awaitingCount: counts.get("awaiting_payment") ?? 0,
    lifetimePaid: byCurrency
      .filter((r) => r.currency !== null)
      .map((r) => ({ minor: Number(r.paid ?? 0), currency: r.currency! }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    firstPurchaseAt: firsts.length > 0 ? firsts.reduce((a, b) => (a < b ? a : b)) : null,
    lastPurchaseAt: lasts.length > 0 ? lasts.reduce((a, b) => (a > b ? a : b)) : null,
  };
}
