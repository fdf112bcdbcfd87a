// The products, customers, discounts, campaigns, affiliates and licences seen through sales, so pages can
// name them without an API call. A name already known is kept when a later payload omits it (null = "not given").
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Sale } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { affiliateFromSale, mergeAffiliate } from "./affiliates";
import { upsertSaleLicences } from "./sale-licences";

function keep<T extends keyof Database>(table: T, column: string) {
  return sql<string | null>`coalesce(excluded.${sql.ref(column)}, ${sql.ref(`${table}.${column}`)})`;
}

/** Last writer per id within the batch (pages are small; a later item is the better guess). */
function byId<T extends { id: string }>(items: Array<T | null>): T[] {
  const map = new Map<string, T>();
  for (const item of items) if (item) map.set(item.id, item);
  return [...map.values()];
}

export async function upsertCatalogue(trx: Kysely<Database>, sales: Sale[], at: string): Promise<void> {
  const products = byId(sales.map((s) => s.product && { id: s.product.id, name: s.product.name, type: s.product.type ?? s.product.slug, updated_at: at }));
  if (products.length > 0) {
    await trx
      .insertInto("products")
      .values(products)
      .onConflict((oc) => oc.column("id").doUpdateSet({ name: keep("products", "name"), type: keep("products", "type"), updated_at: at }))
      .execute();
  }

  const firstSeen = new Map<string, string>();
  for (const s of sales) {
    if (!s.customer || !s.createdAt) continue;
    const known = firstSeen.get(s.customer.id);
    if (!known || s.createdAt < known) firstSeen.set(s.customer.id, s.createdAt);
  }
  const customers = byId(
    sales.map(
      (s) =>
        s.customer && {
          id: s.customer.id,
          email: s.customer.email?.trim().toLowerCase() || null,
          name: s.customer.name,
          first_seen_at: firstSeen.get(s.customer.id) ?? null,
          updated_at: at,
        },
    ),
  );
  if (customers.length > 0) {
    await trx
      .insertInto("customers")
      .values(customers)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet({
          email: keep("customers", "email"),
          name: keep("customers", "name"),
          // The earliest sale seen: "new vs returning" reads it (the earlier of the two, null = unknown).
          first_seen_at: sql<string | null>`case when excluded.first_seen_at is not null and (customers.first_seen_at is null or excluded.first_seen_at < customers.first_seen_at) then excluded.first_seen_at else customers.first_seen_at end`,
          updated_at: at,
        }),
      )
      .execute();
  }

  const discounts = byId(sales.map((s) => s.discount && { id: s.discount.id, code: s.discount.code, type: s.discount.type, updated_at: at }));
  if (discounts.length > 0) {
    await trx
      .insertInto("discounts")
      .values(discounts)
      .onConflict((oc) => oc.column("id").doUpdateSet({ code: keep("discounts", "code"), type: keep("discounts", "type"), updated_at: at }))
      .execute();
  }

  const campaigns = byId(sales.map((s) => s.campaign && { id: s.campaign.id, name: s.campaign.name, updated_at: at }));
  if (campaigns.length > 0) {
    await trx
      .insertInto("campaigns")
      .values(campaigns)
      .onConflict((oc) => oc.column("id").doUpdateSet({ name: keep("campaigns", "name"), updated_at: at }))
      .execute();
  }

  // Few sales name an affiliate or carry licences (detail only), so these go one by one.
  for (const s of sales) {
    if (s.storeAffiliate) await mergeAffiliate(trx, affiliateFromSale(s.storeAffiliate), "sale", at);
    const licences = s.postPurchase?.licences ?? [];
    if (licences.length > 0) await upsertSaleLicences(trx, s.id, licences, at);
  }
}
