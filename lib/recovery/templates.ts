// The prefilled recovery messages (WhatsApp and e-mail), in French and English, editable by owners and
// admins; stored in app_settings. Placeholders: {customer}, {product}, {amount}, {link}.
import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit";
import { fillPlaceholders } from "@/lib/contact/message-links";

const KEY = "recovery.templates";

export const recoveryTemplatesSchema = z.object({
  fr: z.string().trim().min(1).max(1000),
  en: z.string().trim().min(1).max(1000),
});
export type RecoveryTemplates = z.infer<typeof recoveryTemplatesSchema>;

export const DEFAULT_TEMPLATES: RecoveryTemplates = {
  fr: "Bonjour {customer}, votre paiement pour « {product} » ({amount}) n'a pas abouti. Vous pouvez le finaliser ici : {link}",
  en: "Hello {customer}, your payment for \"{product}\" ({amount}) did not go through. You can complete it here: {link}",
};

export async function getRecoveryTemplates(db: Kysely<Database>): Promise<RecoveryTemplates> {
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", KEY).executeTakeFirst();
  if (!row) return DEFAULT_TEMPLATES;
  const parsed = recoveryTemplatesSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_TEMPLATES;
}

export async function setRecoveryTemplates(db: Kysely<Database>, templates: RecoveryTemplates, actor: Actor): Promise<void> {
  const value = JSON.stringify(recoveryTemplatesSchema.parse(templates));
  const at = new Date().toISOString();
  await db.insertInto("app_settings").values({ key: KEY, value, updated_at: at }).onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: at })).execute();
  await recordAudit(db, { actor, action: "recovery.templates_changed", target: KEY });
}

/** Fills the placeholders; an unknown value leaves an empty string, never the raw "{placeholder}". */
export function fillTemplate(template: string, values: { customer?: string | null; product?: string | null; amount?: string | null; link?: string | null }): string {
  return fillPlaceholders(template, { customer: values.customer, product: values.product, amount: values.amount, link: values.link });
}
