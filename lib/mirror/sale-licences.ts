// The licences of the store (detail post_purchase, GET /licenses, license.* Pulses, chariow-api.md §5,
// §7, §8): the latest state per (sale, licence); a field a payload leaves out keeps its known value.
// A licence whose payload names no sale is kept under UNKNOWN_SALE until one does (the primary key
// cannot hold NULL on PostgreSQL); the row then moves to its sale.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";

/** sale_id of a licence whose sale no payload has named yet. */
export const UNKNOWN_SALE = "";

/** The licence fields the mirror keeps: the detail's post_purchase licence or a licences-API `License`. */
export interface SaleLicenceInput {
  id: string;
  key: string | null;
  status: string | null;
  activations: number | null;
  maxActivations: number | null;
  expiresAt: string | null;
  productId?: string | null;
  productName?: string | null;
  customerId?: string | null;
  customerName?: string | null;
  customerEmail?: string | null;
}

const KEPT = ["licence_key", "status", "activations", "max_activations", "expires_at", "product_id", "product_name", "customer_id", "customer_name", "customer_email"] as const;

function keep(column: string) {
  return sql<never>`coalesce(excluded.${sql.ref(column)}, ${sql.ref(`sale_licences.${column}`)})`;
}

export async function upsertSaleLicences(db: Kysely<Database>, saleId: string, licences: SaleLicenceInput[], at: string = new Date().toISOString()): Promise<void> {
  const rows = [...new Map(licences.map((l) => [l.id, l])).values()].map((l) => ({
    sale_id: saleId,
    licence_id: l.id,
    licence_key: l.key,
    status: l.status,
    activations: l.activations,
    max_activations: l.maxActivations,
    expires_at: l.expiresAt,
    product_id: l.productId ?? null,
    product_name: l.productName ?? null,
    customer_id: l.customerId ?? null,
    customer_name: l.customerName ?? null,
    customer_email: l.customerEmail ?? null,
    updated_at: at,
  }));
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.licence_id);
  if (saleId !== UNKNOWN_SALE) {
    // What was learnt while the sale was unknown stays known: carried into the sale's row, then dropped.
    const orphans = await db.selectFrom("sale_licences").selectAll().where("sale_id", "=", UNKNOWN_SALE).where("licence_id", "in", ids).execute();
    for (const row of rows) {
      const orphan = orphans.find((o) => o.licence_id === row.licence_id);
      if (orphan) for (const c of KEPT) (row as Record<string, unknown>)[c] ??= orphan[c];
    }
    if (orphans.length > 0) await db.deleteFrom("sale_licences").where("sale_id", "=", UNKNOWN_SALE).where("licence_id", "in", ids).execute();
  } else {
    // A licence already filed under its sale is updated there rather than duplicated as unknown.
    const known = await db.selectFrom("sale_licences").select(["sale_id", "licence_id"]).where("sale_id", "!=", UNKNOWN_SALE).where("licence_id", "in", ids).execute();
    for (const k of known) {
      const row = rows.find((r) => r.licence_id === k.licence_id);
      if (row) row.sale_id = k.sale_id;
    }
  }
  await db
    .insertInto("sale_licences")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["sale_id", "licence_id"]).doUpdateSet({
        ...Object.fromEntries(KEPT.map((c) => [c, keep(c)])),
        updated_at: at,
      }),
    )
    .execute();
}
