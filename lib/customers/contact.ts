// How to reach a customer from their page (issue 16): their phone — which only sale Pulses carry
// (chariow-api.md §8; the sales list and detail have none), read from the stored Pulse bodies of their
// latest sales — as a WhatsApp link (wa.me, the number made international with the sale's country,
// lib/recovery/phone.ts) and their e-mail as a mailto: link. No API call: a page view never spends the
// budget, and a customer whose sales came by the API only has no phone to show.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { customerOfPulse } from "@/lib/recovery/lead-contact";
import { internationalPhone, type PhoneResult } from "@/lib/recovery/phone";

/** How many of the customer's latest sales are searched for a Pulse with their phone. */
const SALES_SEARCHED = 20;
const SALE_EVENTS = ["successful.sale", "failed.sale", "abandoned.sale"] as const;

export type CustomerContact = {
  /** As the customer typed it (the Pulse's display form); null when no Pulse gave one. */
  phone: string | null;
  /** https://wa.me/<digits>, or null with the reason (no phone, no country to make it international…). */
  whatsappUrl: string | null;
  whatsappProblem: Extract<PhoneResult, { ok: false }>["reason"] | null;
  email: string | null;
  mailtoUrl: string | null;
};

export async function getCustomerContact(db: Kysely<Database>, customerId: string, email: string | null): Promise<CustomerContact> {
  const sales = await db
    .selectFrom("sales")
    .select(["id", "shipping_country", "context_country"])
    .where("customer_id", "=", customerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(SALES_SEARCHED)
    .execute();
  let found: { phone: string | null; country: string | null } = { phone: null, country: null };
  if (sales.length > 0) {
    // Newest delivery first: a customer who changed number is reached on the latest one.
    const deliveries = await db
      .selectFrom("pulse_deliveries")
      .select("body")
      .where(
        "applied_key",
        "in",
        sales.flatMap((s) => SALE_EVENTS.map((e) => `${e}|${s.id}`)),
      )
      .orderBy("received_at", "desc")
      .orderBy("id", "desc")
      .execute();
    for (const d of deliveries) {
      const c = customerOfPulse(d.body);
      if (c.phone) {
        found = c;
        break;
      }
    }
  }
  const country = found.country ?? sales.find((s) => s.shipping_country)?.shipping_country ?? sales.find((s) => s.context_country)?.context_country ?? null;
  const phone = internationalPhone(found.phone, country);
  return {
    phone: found.phone,
    whatsappUrl: phone.ok ? `https://wa.me/${phone.digits}` : null,
    whatsappProblem: phone.ok ? null : phone.reason,
    email,
    // The address percent-encoded (a "?" or "&" in it cannot add a header), its "@" kept readable.
    mailtoUrl: email ? `mailto:${encodeURIComponent(email).replace(/%40/g, "@")}` : null,
  };
}
