// Everything the inbox needs to contact a lead (or a page of leads at once): the recovery link, the
// prefilled message in the chosen language, a wa.me link (or why none can be built) and a mailto: link
// for the user's mail client.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { mailtoLink } from "@/lib/contact/message-links";
import { formatMoney } from "@/lib/money";
import { getLeadContacts } from "./lead-contact";
import { whatsappLink } from "./phone";
import type { CatalogueLinks, RecoveryLinkSource } from "./recovery-link";
import { fillTemplate, getRecoveryTemplates } from "./templates";

export interface LeadMessage {
  saleId: string;
  /** Null when no link is known at all (no Pulse link, product page unknown): the UI says so. */
  checkoutUrl: string | null;
  linkSource: RecoveryLinkSource | null;
  message: string;
  whatsapp: { ok: true; url: string; digits: string } | { ok: false; reason: string };
  mailto: string | null;
}

// Sales read per query (bound parameters).
const CHUNK = 500;

export async function buildLeadMessage(db: Kysely<Database>, saleId: string, locale: "fr" | "en", links: CatalogueLinks): Promise<LeadMessage | null> {
  return (await buildLeadMessages(db, [saleId], locale, links)).get(saleId) ?? null;
}

/**
 * The messages of several leads at once — the inbox renders each row's WhatsApp or e-mail link in its
 * HTML, so the chat opens on the first tap without asking the server first (lead-contact.ts batches the
 * lookups). Unknown sales are absent from the map.
 */
export async function buildLeadMessages(db: Kysely<Database>, saleIds: readonly string[], locale: "fr" | "en", links: CatalogueLinks): Promise<Map<string, LeadMessage>> {
  const out = new Map<string, LeadMessage>();
  const contacts = await getLeadContacts(db, saleIds, links);
  if (contacts.size === 0) return out;
  const templates = await getRecoveryTemplates(db);
  const ids = [...contacts.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const sales = await db.selectFrom("sales").select(["id", "product_name", "amount", "original_amount", "currency"]).where("id", "in", ids.slice(i, i + CHUNK)).execute();
    for (const sale of sales) {
      const contact = contacts.get(sale.id)!;
      const minor = sale.amount ?? sale.original_amount;
      const amount = minor !== null && sale.currency ? formatMoney({ minor, currency: sale.currency }, locale === "fr" ? "fr-FR" : "en-US") : null;
      const message = fillTemplate(templates[locale], { customer: contact.name, product: sale.product_name, amount, link: contact.checkoutUrl });
      const subject = locale === "fr" ? `Votre commande : ${sale.product_name ?? ""}` : `Your order: ${sale.product_name ?? ""}`;
      out.set(sale.id, {
        saleId: sale.id,
        checkoutUrl: contact.checkoutUrl,
        linkSource: contact.linkSource,
        message,
        whatsapp: whatsappLink(contact.phone, contact.country, message),
        mailto: mailtoLink(contact.email, subject, message),
      });
    }
  }
  return out;
}

