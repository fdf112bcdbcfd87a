"use client";
// The contact actions of "Not accessed yet" (the recovery worklist's WhatsApp / e-mail): the message
// (access instructions, in the language chosen above the list) is built server-side and each attempt is
// audited there. One language choice for the whole list (ContactLanguage), buttons per row
// (ContactBuyer); a refusal or a failure is said in the member's words, never the server's message.
import { createContext, useContext, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { openContact, type ContactLinks } from "@/components/contact/open-contact";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { localeName } from "@/lib/format/display-names";
import { apiFetch } from "@/lib/http/api-client";
import { errorMessage } from "@/lib/http/client-error";

type MessageLanguage = "fr" | "en";
const LanguageContext = createContext<MessageLanguage>("fr");

/** The language of the messages sent from the rows inside, chosen once above them. */
export function ContactLanguage({ defaultLanguage, children }: { defaultLanguage: MessageLanguage; children: ReactNode }) {
  const t = useTranslations("downloads.notAccessed");
  const locale = useLocale();
  const [language, setLanguage] = useState(defaultLanguage);
  return (
    <LanguageContext.Provider value={language}>
      <label className="mb-3 flex max-w-xs flex-col gap-1 text-sm">
        {t("language")}
        <select className={`${inputClass} min-h-11`} value={language} onChange={(e) => setLanguage(e.target.value as MessageLanguage)} data-testid="downloads-contact-language">
          {(["fr", "en"] as const).map((l) => (
            <option key={l} value={l}>
              {localeName(l, locale)}
            </option>
          ))}
        </select>
      </label>
      {children}
    </LanguageContext.Provider>
  );
}

const REFUSALS = ["missing", "no_country", "unknown_country", "invalid"] as const;

export function ContactBuyer({ saleId, hasEmail }: { saleId: string; hasEmail: boolean }) {
  const t = useTranslations("downloads.notAccessed");
  const tErrors = useTranslations("Errors");
  const language = useContext(LanguageContext);
  const [note, setNote] = useState<string | null>(null);
  const contact = async (channel: "whatsapp" | "email") => {
    const path = `/api/downloads/sales/${encodeURIComponent(saleId)}/contact`;
    try {
      const links = await apiFetch<ContactLinks>(`${path}?locale=${language}`);
      const opened = openContact(links, channel);
      if (!opened.ok) {
        const reason = (REFUSALS as readonly string[]).includes(opened.reason) ? t(`whatsappRefused.${opened.reason as (typeof REFUSALS)[number]}`) : t("whatsappRefused.invalid");
        setNote(channel === "email" ? t("noEmail") : reason);
        return;
      }
      await apiFetch(path, { method: "POST", body: { channel } });
      setNote(null);
    } catch (e) {
      setNote(errorMessage(tErrors, e));
    }
  };
  return (
    <span className="flex flex-col gap-1">
      <span className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass("secondary", "min-h-11")} onClick={() => void contact("whatsapp")}>
          {t("whatsapp")}
        </button>
        <button type="button" className={buttonClass("secondary", "min-h-11")} disabled={!hasEmail} title={hasEmail ? undefined : t("noEmail")} onClick={() => void contact("email")}>
          {t("email")}
        </button>
      </span>
      {note ? (
        <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
          {note}
        </span>
      ) : null}
    </span>
  );
}
