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
  const sale = await db
    .selectFrom("sales")
    .select(["id", "status", "checkout_url", "customer_email", "customer_name", "shipping_country", "context_country", "product_id", "raw_json"])
    .where("id", "=", saleId)
    .executeTakeFirst();
  if (!sale) return null;
  const delivery = await db
    .selectFrom("pulse_deliveries")
    .select("body")
    .where("applied_key", "in", [`failed.sale|${saleId}`, `abandoned.sale|${saleId}`, `successful.sale|${saleId}`])
    .orderBy("id", "desc")
    .executeTakeFirst();
  const customer = customerOfPulse(delivery?.body ?? null);
  const link = await resolveRecoveryLink(db, { checkoutUrl: sale.checkout_url, productId: sale.product_id, rawJson: sale.raw_json, pulseBody: delivery?.body ?? null }, links);
  return {
    saleId,
    checkoutUrl: link?.url ?? null,
    linkSource: link?.source ?? null,
    phone: customer.phone,
    country: customer.country ?? sale.shipping_country ?? sale.context_country,
    email: sale.customer_email,
    name: sale.customer_name,
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
