"use client";
// Reaching a lead's customer: copy the recovery link, open WhatsApp or the mail client with the prefilled
// message in the chosen language. The server prepares the links (GET …/contact) and audits each attempt
// (POST …/contact). Never a silent no-op: no link, a refused clipboard or a failed call each say so.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { openContact, type ContactLinks } from "@/components/contact/open-contact";
import { buttonClass } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { apiFetch } from "@/lib/http/api-client";

type Contact = ContactLinks & { checkoutUrl: string | null; message: string };
type Outcome = { key: "copied" | "noLink" } | { key: "copyFailed"; link: string } | { key: "refused"; reason: string } | { error: unknown };
const REFUSALS = ["missing", "no_country", "unknown_country", "invalid", "no_email"] as const;

export function LeadContact({ saleId, hasLink, hasEmail, defaultLanguage }: { saleId: string; hasLink: boolean; hasEmail: boolean; defaultLanguage: "fr" | "en" }) {
  const t = useTranslations("Recovery");
  const [language, setLanguage] = useState(defaultLanguage);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const contact = async (channel: "link" | "whatsapp" | "email"): Promise<Outcome | null> => {
    const path = `/api/recovery/leads/${encodeURIComponent(saleId)}/contact`;
    try {
      const c = await apiFetch<Contact>(`${path}?locale=${language}`);
      let done: Outcome | null = null;
      if (channel === "link") {
        if (!c.checkoutUrl) return { key: "noLink" };
        const copied = await navigator.clipboard.writeText(c.checkoutUrl).then(
          () => true,
          () => false,
        );
        done = copied ? { key: "copied" } : { key: "copyFailed", link: c.checkoutUrl };
      } else {
        const opened = openContact(c, channel);
        if (!opened.ok) return { key: "refused", reason: opened.reason };
      }
      await apiFetch(path, { method: "POST", body: { channel } });
      return done;
    } catch (error) {
      return { error };
    }
  };
  const run = async (channel: "link" | "whatsapp" | "email") => setOutcome(await contact(channel));

  const message = (o: Outcome) => {
    if ("error" in o) return <ErrorText error={o.error} />;
    if (o.key === "copyFailed") return `${t("actions.copyFailed")} ${o.link}`;
    if (o.key === "refused") return (REFUSALS as readonly string[]).includes(o.reason) ? t(`contactRefused.${o.reason as (typeof REFUSALS)[number]}`) : t("contactRefused.other");
    return t(`actions.${o.key}`);
  };

  return (
    <div className="space-y-2" data-testid="lead-contact">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
          {t("actions.language")}
          <select className="min-h-11 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100" value={language} onChange={(e) => setLanguage(e.target.value as "fr" | "en")}>
            <option value="fr">{t("languages.fr")}</option>
            <option value="en">{t("languages.en")}</option>
          </select>
        </label>
        {hasLink ? (
          <button type="button" className={buttonClass("secondary", "min-h-11")} onClick={() => run("link")}>
            {t("actions.copyLink")}
          </button>
        ) : (
          <span data-testid="lead-no-link" className="inline-flex min-h-11 items-center text-sm text-zinc-600 dark:text-zinc-400">
            {t("actions.noLinkShort")}
          </span>
        )}
        <button type="button" className={buttonClass("secondary", "min-h-11")} onClick={() => run("whatsapp")}>
          {t("actions.whatsapp")}
        </button>
        <button type="button" className={buttonClass("secondary", "min-h-11")} disabled={!hasEmail} onClick={() => run("email")}>
          {t("actions.email")}
        </button>
      </div>
      {/* Why there is no link, in full: a tooltip is out of reach on a phone. */}
      {hasLink ? null : <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("actions.noLink")}</p>}
      {outcome ? (
        <p role="status" className={`text-sm ${"error" in outcome ? "text-red-700 dark:text-red-300" : ""}`}>
          {message(outcome)}
        </p>
      ) : null}
    </div>
  );
}
