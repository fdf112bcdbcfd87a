// An audit entry's target in words, in French and English: the keys some writers record (a setting, an
// export's list or table, a payout's currency and day, a time zone) read as words; e-mails and ids stay
// as written; an export whose target only repeats its action says nothing more.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, it } from "vitest";
import { auditTargetWords, type AuditTargetTranslator } from "@/lib/format/audit-target";
import { loadMessages } from "@/lib/i18n/messages";

// The page's useTranslations("audit.targets") over the real catalogue (loaded at run time, so next-intl
// cannot type its keys: the cast only widens them to strings).
const translator = async (locale: "fr" | "en") =>
  createTranslator({ locale, messages: (await loadMessages(locale)) as AbstractIntlMessages, namespace: "audit.targets" }) as unknown as AuditTargetTranslator;
const fr = await translator("fr");
const en = await translator("en");
const FR = { locale: "fr", timeZone: "Africa/Abidjan" };
const EN = { locale: "en", timeZone: "Africa/Abidjan" };
const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");
const words = (action: string, target: string | null) => [nbsp(auditTargetWords(fr, { action, target }, FR)), auditTargetWords(en, { action, target }, EN)];

describe("auditTargetWords", () => {
  it("names the settings a change was about", () => {
    expect(words("recovery.window_changed", "recovery.window_days")).toEqual(["Fenêtre d'attribution des relances", "Follow-up attribution window"]);
    expect(words("recovery.templates_changed", "recovery.templates")).toEqual(["Modèles de message de relance", "Follow-up message templates"]);
    expect(words("settings.timezone_changed", "Africa/Lagos")).toEqual(["Lagos (UTC+1)", "Lagos (GMT+1)"]);
  });

  it("names what an export held", () => {
    expect(words("settlements.export", "XOF:2026-03-15")).toEqual(["Versement XOF du 15 mars 2026", "XOF payout due Mar 15, 2026"]);
    expect(words("analytics.export", "revenue.payment_method")).toEqual(["Chiffre d'affaires par moyen de paiement", "Revenue by payment method"]);
    expect(words("downloads.export", "not-accessed")).toEqual(["Pas encore consulté", "Not accessed yet"]);
    expect(words("sales.export", "customer:awa@shop.test")).toEqual(["Ventes du client « awa@shop.test »", "Sales of customer “awa@shop.test”"]);
    for (const [action, target] of [["sales.export", "sales"], ["licences.export", "licences"], ["orders.export", "orders"], ["recovery.export", "recovery"]]) expect(words(action, target)).toEqual(["", ""]);
  });

  it("keeps e-mails, ids and anything it does not know as written", () => {
    expect(words("team.role_changed", "kofi@shop.test")).toEqual(["kofi@shop.test", "kofi@shop.test"]);
    expect(words("licence.reveal", "lic_123")).toEqual(["lic_123", "lic_123"]);
    expect(words("analytics.export", "revenue.weather")).toEqual(["revenue.weather", "revenue.weather"]);
    expect(words("auth.sign_in", null)).toEqual(["", ""]);
  });
});
