// Finding the payment that recovered each lead in the mirror: the paid sales naming the leads (exact
// recovery links: sales.recovery_lead_id) and candidate payments of the leads' customers and products, then
// the attribution rules (attribution.ts). Shared by the worklist (lead → payment) and the sale detail's
// reverse link (payment → leads), so both directions always agree.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { engineOfDb } from "@/lib/db/engine-sql";
import { attributeRecoveries, type AttributionSale, type RecoveryRule } from "./attribution";

export const PAID_STATUSES = ["completed", "settled"] as const;
const CHUNK = 200;

export type RecoveringPayment = AttributionSale & { amount: number | null; currency: string | null };
export type PaymentRow = { id: string; customer_id: string | null; customer_email: string | null; product_id: string | null; completed_at: string | null; created_at: string | null; amount: number | null; currency: string | null; recovery_lead_id: string | null };
export const PAYMENT_COLUMNS = ["id", "customer_id", "customer_email", "product_id", "completed_at", "created_at", "amount", "currency", "recovery_lead_id"] as const;

/**
 * When a sale was paid, else created: a payment's `at`, and the key of the paid sales' (customer, product,
 * payment time) index (migration 0021) — written the same way everywhere so both engines match the index.
 */
export const paidAt = (table: "sales" | "p") => sql<string>`coalesce(${sql.ref(`${table}.completed_at`)}, ${sql.ref(`${table}.created_at`)})`;

export function toPayment(r: PaymentRow): RecoveringPayment {
  return { id: r.id, customerId: r.customer_id, customerEmail: r.customer_email, productId: r.product_id, at: r.completed_at ?? r.created_at ?? "", amount: r.amount, currency: r.currency, recoveryLeadId: r.recovery_lead_id };
}

/**
 * Candidate payments of the leads' customers and products, read in chunks (bound-parameter limits)
 * through a customer index (SQLite: sales_customer_idx; PostgreSQL picks its own): a lead without a customer id is looked up by e-mail
 * in `customers` (indexed) first, so no query scans a product's whole history. A payment without any
 * customer id cannot be attributed (Chariow sales carry one; docs/recovery.md).
 */
export async function findRecoveries(db: Kysely<Database>, leads: AttributionSale[], windowDays: number): Promise<Map<string, RecoveringPayment & { by: RecoveryRule }>> {
  const out = new Map<string, RecoveringPayment & { by: RecoveryRule }>();
  // SQLite has no statistics (the app never runs ANALYZE): given lists of ids, its planner would walk
  // every paid sale through (status, id) or a product's whole history. `+column` (SQLite's way to take an
  // index out of consideration) leaves it the customer index: a few entries per customer.
  const sqlite = engineOfDb(db) === "sqlite";
  const hidden = (column: "status" | "product_id") => (sqlite ? sql<string>`+${sql.ref(column)}` : sql<string>`${sql.ref(column)}`);
  for (let i = 0; i < leads.length; i += CHUNK) {
    const chunk = leads.slice(i, i + CHUNK);
    // Paid sales made by the leads' own exact links (the partial index on recovery_lead_id).
    const linked = (await db
      .selectFrom("sales")
      .select(PAYMENT_COLUMNS)
      .where("recovery_lead_id", "in", chunk.map((l) => l.id))
      .where(hidden("status"), "in", PAID_STATUSES)
      .execute()).map(toPayment);
    const products = [...new Set(chunk.map((l) => l.productId).filter((x): x is string => !!x))];
    const ids = new Set(chunk.map((l) => l.customerId).filter((x): x is string => !!x));
    const emails = [...new Set(chunk.filter((l) => !l.customerId).map((l) => l.customerEmail?.toLowerCase()).filter((x): x is string => !!x))];
    if (emails.length > 0) {
      for (const c of await db.selectFrom("customers").select("id").where("email", "in", emails).execute()) ids.add(c.id);
    }
    const earliest = chunk.reduce((min, l) => (l.at < min ? l.at : min), chunk[0].at);
    const rows: PaymentRow[] =
      products.length === 0 || ids.size === 0
        ? []
        : await db
            .selectFrom("sales")
            .select(PAYMENT_COLUMNS)
            .where("customer_id", "in", [...ids])
            .where(hidden("status"), "in", PAID_STATUSES)
            .where(hidden("product_id"), "in", products)
            .where(paidAt("sales"), ">", earliest)
            .execute();
    const seen = new Set(linked.map((p) => p.id));
    const payments: RecoveringPayment[] = [...linked, ...rows.filter((r) => !seen.has(r.id)).map(toPayment)].filter((p) => p.at !== "");
    for (const [k, v] of attributeRecoveries(chunk, payments, windowDays)) out.set(k, v);
  }
  return out;
}
