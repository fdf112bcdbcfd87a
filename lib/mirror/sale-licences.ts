// The licences issued with a sale (detail post_purchase, license.* Pulses, chariow-api.md §5, §8): the
// latest state per (sale, licence); a field a payload leaves out keeps its known value.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";

/** The licence fields the mirror keeps: the detail's post_purchase licence or a licences-API `License`. */
export interface SaleLicenceInput {
  id: string;
  key: string | null;
  status: string | null;
  activations: number | null;
  maxActivations: number | null;
  expiresAt: string | null;
}

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
    updated_at: at,
  }));
  if (rows.length === 0) return;
  await db
    .insertInto("sale_licences")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["sale_id", "licence_id"]).doUpdateSet({
        licence_key: keep("licence_key"),
        status: keep("status"),
        activations: keep("activations"),
        max_activations: keep("max_activations"),
        expires_at: keep("expires_at"),
        updated_at: at,
      }),
    )
    .execute();
}
