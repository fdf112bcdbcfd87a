// How to reach a lead: the recovery link (the Pulse's checkout.url, else the product's checkout link —
// recovery-link.ts) and the customer's phone and country, which only Pulses carry (chariow-api.md §8). The
// phone is read from the stored Pulse body on demand, so ingest keeps no extra column and does no extra work.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { resolveRecoveryLink, type CatalogueLinks, type RecoveryLinkSource } from "./recovery-link";

export interface LeadContact {
  saleId: string;
  checkoutUrl: string | null;
  /** Where the link comes from; null when there is none. */
  linkSource: RecoveryLinkSource | null;
  phone: string | null;
  country: string | null;
  email: string | null;
  name: string | null;
}

/** `links` (the store info service) completes the product checkout link when no Pulse gave one. */
export async function getLeadContact(db: Kysely<Database>, saleId: string, links: CatalogueLinks): Promise<LeadContact | null> {
  return (await getLeadContacts(db, [saleId], links)).get(saleId) ?? null;
}

// Bound parameters per query: three Pulse keys per sale.
const CHUNK = 200;

/**
 * The contacts of several sales at once (the inbox's page of 25): their sales and latest sale Pulses in
 * one query each per 200, the links resolved side by side with the store info service asked at most once
 * per product (and once for the store) for the whole batch. Unknown sales are absent from the map.
 */
export async function getLeadContacts(db: Kysely<Database>, saleIds: readonly string[], links: CatalogueLinks): Promise<Map<string, LeadContact>> {
  const out = new Map<string, LeadContact>();
  const shared = memoised(links);
  const ids = [...new Set(saleIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const sales = await db
      .selectFrom("sales")
      .select(["id", "checkout_url", "customer_email", "customer_name", "shipping_country", "context_country", "product_id", "raw_json"])
      .where("id", "in", chunk)
      .execute();
    if (sales.length === 0) continue;
    const deliveries = await db
      .selectFrom("pulse_deliveries")
      .select(["applied_key", "body"])
      .where("applied_key", "in", sales.flatMap((s) => [`failed.sale|${s.id}`, `abandoned.sale|${s.id}`, `successful.sale|${s.id}`]))
      .orderBy("id", "desc")
      .execute();
    // The latest sale Pulse of each sale (its keys are `<event>|<sale id>`).
    const bodyOf = new Map<string, string | null>();
    for (const d of deliveries) {
      const id = d.applied_key?.slice(d.applied_key.indexOf("|") + 1);
      if (id !== undefined && !bodyOf.has(id)) bodyOf.set(id, d.body);
    }
    await Promise.all(
      sales.map(async (sale) => {
        const body = bodyOf.get(sale.id) ?? null;
        const customer = customerOfPulse(body);
        const link = await resolveRecoveryLink(db, { checkoutUrl: sale.checkout_url, productId: sale.product_id, rawJson: sale.raw_json, pulseBody: body }, shared);
        out.set(sale.id, {
          saleId: sale.id,
          checkoutUrl: link?.url ?? null,
          linkSource: link?.source ?? null,
          phone: customer.phone,
          country: customer.country ?? sale.shipping_country ?? sale.context_country,
          email: sale.customer_email,
          name: sale.customer_name,
        });
      }),
    );
  }
  return out;
}

/** The same lookups shared by a batch: 25 leads of one product ask the store info service once, not 25 times. */
function memoised(links: CatalogueLinks): CatalogueLinks {
  let store: Promise<string | null> | null = null;
  const products = new Map<string, ReturnType<CatalogueLinks["product"]>>();
  return {
    storeUrl: () => (store ??= links.storeUrl()),
    product: (id) => {
      let p = products.get(id);
      if (!p) products.set(id, (p = links.product(id)));
      return p;
    },
  };
}

/** The customer's phone and country from a stored sale Pulse body (also read by lib/orders). */
export function customerOfPulse(body: string | null): { phone: string | null; country: string | null } {
  if (!body) return { phone: null, country: null };
  try {
    const c = (JSON.parse(body) as { customer?: { phone?: unknown; country?: unknown } }).customer;
    const phone = typeof c?.phone === "string" ? c.phone : typeof (c?.phone as { formatted?: unknown })?.formatted === "string" ? (c?.phone as { formatted: string }).formatted : null;
    const country = typeof c?.country === "string" ? c.country : typeof (c?.country as { code?: unknown })?.code === "string" ? (c?.country as { code: string }).code : null;
    return { phone, country };
  } catch {
    return { phone: null, country: null };
  }
}
