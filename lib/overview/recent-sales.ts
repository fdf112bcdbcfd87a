// The newest sales in the mirror, for the Overview's live "Recent sales" panel: what a Pulse or the
// sync just brought in, with status, customer, product and amount (minor units + currency).
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import type { RecentSale } from "./schemas";

export async function listRecentSales(db: Kysely<Database>, { limit }: { limit: number }): Promise<RecentSale[]> {
  const rows = await db
    .selectFrom("sales")
    .select(["id", "status", "customer_name", "customer_email", "product_name", "amount", "currency", "created_at", "source", "source_at"])
    .where("created_at", "is not", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    customer: r.customer_name ?? r.customer_email,
    product: r.product_name,
    amount: r.amount !== null && r.currency ? { minor: Number(r.amount), currency: r.currency } : null,
    createdAt: r.created_at as string,
    source: r.source,
    updatedAt: r.source_at,
  }));
}
