// The orders-to-ship worklist over the mirror: paid sales that carry a shipping address, oldest payment
// first, each with its fulfilment state and the customer's phone when a Pulse brought one.
import "server-only";
import { sql, type Kysely } from "kysely";
import { PAID_SALE_STATUSES } from "@/lib/chariow/enums";
import type { Database } from "@/lib/db";
import { customerOfPulse } from "@/lib/recovery/lead-contact";
import type { FulfilmentState, OrderFilter, OrderSortColumn } from "./schemas";

const CHUNK = 200;

export interface Order {
  saleId: string;
  paidAt: string | null;
  customerName: string | null;
  customerEmail: string | null;
  phone: string | null;
  productName: string | null;
  address: string;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  fulfilment: FulfilmentState;
  carrier: string | null;
  trackingReference: string | null;
  reason: string | null;
  updatedAt: string | null;
}

/** The rows of one sale of the worklist, as both the whole list and a page read them. */
function ordersQuery(db: Kysely<Database>, filter: OrderFilter, saleIds?: string[]) {
  let query = db
    .selectFrom("sales as s")
    .leftJoin("fulfilments as f", "f.sale_id", "s.id")
    // `status || ''`: the same test, but not one SQLite's planner answers with the (status, created_at)
    // index — it would then sort every paid sale — so it walks sales_shipping_paid_at_idx (migration 0019)
    // in payment order and stops after a page.
    .where(sql<string>`s.status || ''`, "in", PAID_SALE_STATUSES)
    .where("s.shipping_address", "is not", null)
    .where(sql<string>`trim(s.shipping_address)`, "!=", "");
  if (filter === "to_ship") query = query.where("f.sale_id", "is", null);
  else if (filter !== "all") query = query.where("f.state", "=", filter);
  if (saleIds) query = query.where("s.id", "in", saleIds);
  return query;
}

const ORDER_COLUMNS = [
  "s.id", "s.completed_at", "s.created_at", "s.customer_name", "s.customer_email", "s.product_name", "s.shipping_address", "s.shipping_city",
  "s.shipping_state", "s.shipping_zip", "s.shipping_country", "f.state", "f.carrier", "f.tracking_reference", "f.reason", "f.updated_at",
] as const;

// A paid sale always has completed_at from Chariow; created_at only stands in for a summary without it.
const PAID_AT = sql`coalesce(s.completed_at, s.created_at)`;

/** Paid sales with a non-empty shipping address in `filter`'s state (default: still to ship), oldest first. */
export async function listOrders(db: Kysely<Database>, opts: { filter?: OrderFilter; saleIds?: string[] } = {}): Promise<Order[]> {
  if (opts.saleIds && opts.saleIds.length === 0) return [];
  const rows = await ordersQuery(db, opts.filter ?? "to_ship", opts.saleIds).select(ORDER_COLUMNS).orderBy(PAID_AT, "asc").orderBy("s.id").execute();
  return toOrders(db, rows);
}

/**
 * One page of the worklist (the Orders page, 25 by default): sorted in SQL by payment time (oldest first
 * by default: the longest waiting), the sale id breaking ties, `size + 1` rows read to know whether a
 * next page exists, and the filter's count for the title and "page x of y".
 */
export async function listOrderPage(
  db: Kysely<Database>,
  opts: { filter: OrderFilter; sort: { column: OrderSortColumn; dir: "asc" | "desc" }; page: number; size: number },
): Promise<{ rows: Order[]; hasMore: boolean; total: number }> {
  const [rows, count] = await Promise.all([
    ordersQuery(db, opts.filter)
      .select(ORDER_COLUMNS)
      .orderBy(PAID_AT, opts.sort.dir)
      .orderBy("s.id")
      .limit(opts.size + 1)
      .offset((opts.page - 1) * opts.size)
      .execute(),
    ordersQuery(db, opts.filter).select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst(),
  ]);
  return { rows: await toOrders(db, rows.slice(0, opts.size)), hasMore: rows.length > opts.size, total: Number(count?.n ?? 0) };
}

type OrderRow = {
  id: string; completed_at: string | null; created_at: string | null; customer_name: string | null; customer_email: string | null; product_name: string | null;
  shipping_address: string | null; shipping_city: string | null; shipping_state: string | null; shipping_zip: string | null; shipping_country: string | null;
  state: string | null; carrier: string | null; tracking_reference: string | null; reason: string | null; updated_at: string | null;
};

async function toOrders(db: Kysely<Database>, rows: OrderRow[]): Promise<Order[]> {
  const phones = await phonesOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    saleId: r.id,
    paidAt: r.completed_at ?? r.created_at,
    customerName: r.customer_name,
    customerEmail: r.customer_email,
    phone: phones.get(r.id) ?? null,
    productName: r.product_name,
    address: (r.shipping_address ?? "").trim(),
    city: r.shipping_city,
    state: r.shipping_state,
    zip: r.shipping_zip,
    country: r.shipping_country,
    fulfilment: (r.state as FulfilmentState | null) ?? "to_ship",
    carrier: r.carrier,
    trackingReference: r.tracking_reference,
    reason: r.reason,
    updatedAt: r.updated_at,
  }));
}

/**
 * The customer's phone of each sale, read from the stored `successful.sale` Pulse (only Pulses carry it,
 * chariow-api.md §8), in chunks through the unique applied_key index.
 */
async function phonesOf(db: Kysely<Database>, saleIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < saleIds.length; i += CHUNK) {
    const keys = saleIds.slice(i, i + CHUNK).map((id) => `successful.sale|${id}`);
    const rows = await db.selectFrom("pulse_deliveries").select(["applied_key", "body"]).where("applied_key", "in", keys).execute();
    for (const r of rows) {
      const phone = customerOfPulse(r.body).phone;
      if (phone && r.applied_key) out.set(r.applied_key.slice("successful.sale|".length), phone);
    }
  }
  return out;
}
