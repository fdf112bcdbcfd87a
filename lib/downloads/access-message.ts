// Resending access to a buyer who has not downloaded: the prefilled FR/EN message (with the product's
// post_purchase.instructions when a stored payload has them), the recovery worklist's wa.me and mailto
// links, and the audited contact attempt.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { fillPlaceholders, mailtoLink } from "@/lib/contact/message-links";
import type { Database } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getLeadContact, whatsappLink } from "@/lib/recovery";
import { PAID_SALE_STATUSES, type ContactChannel } from "./schemas";
import type { CatalogueLinks } from "@/lib/recovery/recovery-link";

const NO_CATALOGUE_LINKS: CatalogueLinks = { storeUrl: async () => null, product: async () => null };

/** Placeholders: {customer}, {product}, {instructions}. */
export const ACCESS_TEMPLATES = {
  fr: "Bonjour {customer}, merci pour votre achat de « {product} ». Vos fichiers vous attendent : {instructions} Le lien de téléchargement se trouve dans l'e-mail de confirmation de Chariow ; dites-nous si vous ne le trouvez pas.",
  en: "Hello {customer}, thank you for buying \"{product}\". Your files are waiting for you: {instructions} The download link is in Chariow's confirmation e-mail; tell us if you cannot find it.",
} as const;

/** When no payload of the product carried instructions. */
const NO_INSTRUCTIONS = {
  fr: "ils sont accessibles depuis votre espace client.",
  en: "they are available from your customer area.",
} as const;

export interface AccessMessage {
  saleId: string;
  message: string;
  instructionsKnown: boolean;
  whatsapp: { ok: true; url: string } | { ok: false; reason: string };
  mailto: string | null;
}

async function paidSale(db: Kysely<Database>, saleId: string) {
  const sale = await db.selectFrom("sales").select(["id", "product_id", "product_name", "raw_json"]).where("id", "=", saleId).where("status", "in", [...PAID_SALE_STATUSES]).executeTakeFirst();
  if (!sale) throw new NotFoundError("Not a paid sale");
  return sale;
}

function instructionsOf(rawJson: string | null): string | null {
  if (!rawJson) return null;
  try {
    const pp = (JSON.parse(rawJson) as { post_purchase?: { instructions?: unknown } | null }).post_purchase;
    return typeof pp?.instructions === "string" && pp.instructions.trim() !== "" ? pp.instructions.trim() : null;
  } catch {
    return null;
  }
}

/** The sale's own instructions, else the latest ones stored for the same product (they are per product). */
export async function accessInstructions(db: Kysely<Database>, sale: { product_id: string | null; raw_json: string | null }): Promise<string | null> {
  const own = instructionsOf(sale.raw_json);
  if (own || !sale.product_id) return own;
  const other = await db
    .selectFrom("sales")
    .select("raw_json")
    .where("product_id", "=", sale.product_id)
    .where("raw_json", "like", '%"instructions":"%')
    .orderBy("source_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return instructionsOf(other?.raw_json ?? null);
}

export async function buildAccessMessage(db: Kysely<Database>, saleId: string, locale: "fr" | "en"): Promise<AccessMessage> {
  const sale = await paidSale(db, saleId);
  // The access message carries the instructions, not a checkout link: no catalogue look-up (no API call).
  const contact = await getLeadContact(db, saleId, NO_CATALOGUE_LINKS);
  const instructions = await accessInstructions(db, sale);
  const message = fillPlaceholders(ACCESS_TEMPLATES[locale], { customer: contact?.name ?? null, product: sale.product_name, instructions: instructions ?? NO_INSTRUCTIONS[locale] });
  const subject = locale === "fr" ? `Accès à votre achat : ${sale.product_name ?? ""}` : `Access to your purchase: ${sale.product_name ?? ""}`;
  return {
    saleId,
    message,
    instructionsKnown: instructions !== null,
    whatsapp: whatsappLink(contact?.phone ?? null, contact?.country ?? null, message),
    mailto: mailtoLink(contact?.email ?? null, subject, message),
  };
}

export async function recordAccessContact(db: Kysely<Database>, actor: Actor, saleId: string, channel: ContactChannel): Promise<void> {
  await paidSale(db, saleId);
  await recordAudit(db, { actor, action: `downloads.contact_${channel}`, target: saleId });
}
