// Reaching a lead's customer from its panel: WhatsApp and e-mail as real links with the prefilled message
// (built on the server, in the HTML; a tap also marks the lead contacted — lead-contact-link.tsx), the
// message's language as links, and the recovery link to copy. Never a silent no-op: each missing way says
// why (no number, a local number without its country, no e-mail, no known payment link).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Mail, MessageCircle } from "lucide-react";
import { contactButtonClass } from "./contact-button";
import { CopyLeadLink } from "./copy-lead-link";
import { LeadContactLink } from "./lead-contact-link";
import type { LeadDetailView } from "./recovery-types";

const REFUSALS = ["missing", "no_country", "unknown_country", "invalid"] as const;
const MUTED = "text-zinc-600 dark:text-zinc-400";

export function LeadContact({ lead, languageHrefs }: { lead: LeadDetailView; languageHrefs: Record<"fr" | "en", string> }) {
  const t = useTranslations("Recovery");
  const { contacts } = lead;
  const who = lead.customerName ?? lead.customerEmail ?? t("unknown");
  const refusal = "refused" in contacts.whatsapp ? contacts.whatsapp.refused : null;
  return (
    <div className="space-y-2" data-testid="lead-contact">
      <div className="flex flex-wrap items-center gap-2">
        {"href" in contacts.whatsapp ? (
          <LeadContactLink saleId={lead.saleId} contact={{ channel: "whatsapp", href: contacts.whatsapp.href }} label={t("row.whatsappLabel", { customer: who })} className={contactButtonClass("whatsapp")} testId="lead-panel-whatsapp">
            <MessageCircle aria-hidden className="size-4" />
            {t("actions.whatsapp")}
          </LeadContactLink>
        ) : null}
        {contacts.mailto ? (
          <LeadContactLink saleId={lead.saleId} contact={{ channel: "email", href: contacts.mailto }} label={t("row.emailLabel", { customer: who })} className={contactButtonClass("email")} testId="lead-panel-email">
            <Mail aria-hidden className="size-4" />
            {t("actions.email")}
          </LeadContactLink>
        ) : null}
        {contacts.checkoutUrl ? (
          <CopyLeadLink saleId={lead.saleId} url={contacts.checkoutUrl} />
        ) : (
          <span data-testid="lead-no-link" className={`inline-flex min-h-11 items-center text-sm ${MUTED}`}>
            {t("actions.noLinkShort")}
          </span>
        )}
      </div>
      {/* Why a way is missing, in full: a tooltip is out of reach on a phone. */}
      {refusal ? (
        <p className={`text-xs ${MUTED}`} data-testid="lead-whatsapp-refused">
          {(REFUSALS as readonly string[]).includes(refusal) ? t(`contactRefused.${refusal as (typeof REFUSALS)[number]}`) : t("contactRefused.other")}
        </p>
      ) : null}
      {contacts.mailto ? null : <p className={`text-xs ${MUTED}`}>{t("contactRefused.no_email")}</p>}
      {contacts.checkoutUrl ? null : <p className={`text-xs ${MUTED}`}>{t("actions.noLink")}</p>}
      <nav aria-label={t("actions.language")} className={`flex flex-wrap items-center gap-1 text-sm ${MUTED}`}>
        <span>{t("actions.language")}</span>
        {(["fr", "en"] as const).map((l) => (
          <Link
            key={l}
            prefetch={false}
            scroll={false}
            replace
            href={languageHrefs[l]}
            aria-current={l === contacts.messageLanguage ? "true" : undefined}
            className={`inline-flex min-h-11 items-center rounded-md px-2 ${l === contacts.messageLanguage ? "font-semibold text-zinc-900 dark:text-zinc-100" : "underline"}`}
            data-testid={`lead-message-language-${l}`}
          >
            {t(`languages.${l}`)}
          </Link>
        ))}
      </nav>
    </div>
  );
}
