// Everything the worklist needs to contact one lead: the recovery link, the prefilled message in the
// chosen language, a wa.me link (or why none can be built) and a mailto: link for the user's mail client.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { mailtoLink } from "@/lib/contact/message-links";
import { formatMoney } from "@/lib/money";
import { getLeadContact } from "./lead-contact";
import { whatsappLink } from "./phone";
import type { CatalogueLinks, RecoveryLinkSource } from "./recovery-link";
import { fillTemplate, getRecoveryTemplates } from "./templates";

export interface LeadMessage {
  saleId: string;
  /** Null when no link is known at all (no Pulse link, product page unknown): the UI says so. */
  checkoutUrl: string | null;
  linkSource: RecoveryLinkSource | null;
  message: string;
  whatsapp: { ok: true; url: string } | { ok: false; reason: string };
  mailto: string | null;
}

export async function buildLeadMessage(db: Kysely<Database>, saleId: string, locale: "fr" | "en", links: CatalogueLinks): Promise<LeadMessage | null> {
  const contact = await getLeadContact(db, saleId, links);
  if (!contact) return null;
  const sale = await db.selectFrom("sales").select(["product_name", "amount", "original_amount", "currency"]).where("id", "=", saleId).executeTakeFirstOrThrow();
  const minor = sale.amount ?? sale.original_amount;
  const amount = minor !== null && sale.currency ? formatMoney({ minor, currency: sale.currency }, locale === "fr" ? "fr-FR" : "en-US") : null;
  const templates = await getRecoveryTemplates(db);
  const message = fillTemplate(templates[locale], { customer: contact.name, product: sale.product_name, amount, link: contact.checkoutUrl });
  const subject = locale === "fr" ? `Votre commande : ${sale.product_name ?? ""}` : `Your order: ${sale.product_name ?? ""}`;
  return {
    saleId,
    checkoutUrl: contact.checkoutUrl,
    linkSource: contact.linkSource,
    message,
    whatsapp: whatsappLink(contact.phone, contact.country, message),
    mailto: mailtoLink(contact.email, subject, message),
  };
}
