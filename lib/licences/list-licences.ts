// The licences view over the mirror (issue 9): one row per licence with its product and customer (the
// licence's own, else its sale's), filtered by status, product and "expiring within N days". Keys
// leave this module masked; only reveal-licence.ts and a keys-in-clear export read them.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { UNKNOWN_SALE } from "@/lib/mirror";
import { maskLicenceKey, type LicencesQuery } from "./schemas";

export interface LicenceRow {
  licenceId: string;
  /** null: no payload has named the sale yet. */
  saleId: string | null;
  maskedKey: string | null;
  status: string | null;
  activations: number | null;
  maxActivations: number | null;
  expiresAt: string | null;
  productId: string | null;
  productName: string | null;
  customerName: string | null;
  customerEmail: string | null;
}

const DAY_MS = 86_400_000;

/** The filtered licences, soonest expiry first (the ones to act on), with their key in clear. */
export function licencesQuery(db: Kysely<Database>, q: LicencesQuery, now: Date) {
  let query = db
    .selectFrom("sale_licences as l")
    .leftJoin("sales as s", "s.id", "l.sale_id")
    .select([
      "l.licence_id as licenceId",
      "l.sale_id as saleId",
      "l.licence_key as key",
      "l.status",
      "l.activations",
      "l.max_activations as maxActivations",
      "l.expires_at as expiresAt",
      sql<string | null>`coalesce(l.product_id, s.product_id)`.as("productId"),
      sql<string | null>`coalesce(l.product_name, s.product_name)`.as("productName"),
      sql<string | null>`coalesce(l.customer_name, s.customer_name)`.as("customerName"),
      sql<string | null>`coalesce(l.customer_email, s.customer_email)`.as("customerEmail"),
    ]);
  if (q.status) query = query.where("l.status", "=", q.status);
  if (q.product) query = query.where(sql<boolean>`coalesce(l.product_id, s.product_id) = ${q.product}`);
  if (q.expiringWithinDays !== undefined) {
    // Mirror timestamps are normalised ISO UTC strings (lib/chariow parseTimestamp), so they compare as text.
    query = query
      .where("l.expires_at", ">=", now.toISOString())
      .where("l.expires_at", "<=", new Date(now.getTime() + q.expiringWithinDays * DAY_MS).toISOString())
      .where("l.status", "not in", ["revoked", "expired"]);
  }
  return query.orderBy(sql`case when l.expires_at is null then 1 else 0 end`).orderBy("l.expires_at").orderBy("l.licence_id");
}

export async function listLicences(db: Kysely<Database>, q: LicencesQuery, opts: { now?: Date; limit: number }): Promise<{ rows: LicenceRow[]; total: number }> {
  const now = opts.now ?? new Date();
  const [rows, count] = await Promise.all([
    licencesQuery(db, q, now).limit(opts.limit).execute(),
    db.selectFrom(licencesQuery(db, q, now).clearOrderBy().as("f")).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(({ key, saleId, ...r }) => ({ ...r, saleId: saleId === UNKNOWN_SALE ? null : saleId, maskedKey: maskLicenceKey(key) })), total: Number(count.n) };
}

/** Licences per status straight from the mirror (the page's summary, and what tests compare to the truth). */
export async function licenceCountsByStatus(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db.selectFrom("sale_licences").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
  return Object.fromEntries(rows.map((r) => [r.status ?? "unknown", Number(r.n)]));
}

/** The products that have licences, for the product filter. */
export async function licenceProducts(db: Kysely<Database>): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom("sale_licences as l")
    .leftJoin("sales as s", "s.id", "l.sale_id")
    .select([sql<string | null>`coalesce(l.product_id, s.product_id)`.as("id"), sql<string | null>`max(coalesce(l.product_name, s.product_name))`.as("name")])
    .groupBy(sql`coalesce(l.product_id, s.product_id)`)
    .execute();
  return rows.flatMap((r) => (r.id ? [{ id: r.id, name: r.name ?? r.id }] : [])).sort((a, b) => a.name.localeCompare(b.name));
}
