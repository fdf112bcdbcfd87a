// The shared word components rendered to HTML with the real catalogues, as a page would show them: codes
// in words (a failure's code in its tooltip), dates in the provider's zone, errors by code.
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import { ErrorText } from "@/components/ui/error-text";
import { ApiError } from "@/lib/http/api-client";
import { loadMessages } from "@/lib/i18n/messages";

async function render(locale: "fr" | "en", timeZone: string, element: ReactElement): Promise<string> {
  const messages = await loadMessages(locale);
  const props = { locale, messages, timeZone } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props, element)).replace(/[\u202f\u00a0]/g, " ");
}

describe("CodeLabel", () => {
  it("shows a status in words, in each language", async () => {
    expect(await render("fr", "UTC", createElement(CodeLabel, { kind: "paymentStatus", code: "success" }))).toBe("<span>Réussi</span>");
    expect(await render("en", "UTC", createElement(CodeLabel, { kind: "channel", code: "discover" }))).toBe("<span>Chariow marketplace</span>");
  });

  it("shows a failure's message with its code in the tooltip", async () => {
    expect(await render("fr", "UTC", createElement(CodeLabel, { kind: "failureCode", code: "cancelled_by_user" }))).toBe('<span title="cancelled_by_user">Paiement annulé par le client.</span>');
  });

  it("names countries and locales, and shows an unknown code as it came", async () => {
    expect(await render("fr", "UTC", createElement(CodeLabel, { kind: "locale", code: "fr_BJ" }))).toBe("<span>français (Bénin)</span>");
    expect(await render("en", "UTC", createElement(CodeLabel, { kind: "country", code: "SN" }))).toBe("<span>Senegal</span>");
    expect(await render("fr", "UTC", createElement(CodeLabel, { kind: "gateway", code: "flutterwave" }))).toBe("<span>flutterwave</span>");
    expect(await render("fr", "UTC", createElement(CodeLabel, { kind: "saleStatus", code: null }))).toBe("");
  });
});

describe("DateTime", () => {
  it("formats in the provider's zone and keeps the instant machine-readable", async () => {
    const html = await render("fr", "Africa/Lagos", createElement(DateTime, { value: "2026-03-31T23:30:00Z" }));
    expect(html).toBe('<time dateTime="2026-03-31T23:30:00.000Z">1 avr. 2026, 00:30</time>');
    expect(await render("en", "Africa/Abidjan", createElement(DateTime, { value: "2026-03-31T23:30:00Z", style: "date" }))).toBe('<time dateTime="2026-03-31T23:30:00.000Z">Mar 31, 2026</time>');
  });

  it("shows a calendar day as that day in any zone", async () => {
    expect(await render("fr", "Pacific/Pago_Pago", createElement(DateTime, { value: "2026-12-04", style: "date" }))).toBe('<time dateTime="2026-12-04">4 déc. 2026</time>');
  });
});

describe("ErrorText", () => {
  it("says the error by its code in the member's language, never the server's English message", async () => {
    const forbidden = new ApiError(403, "forbidden", "You do not have permission to do this");
    expect(await render("fr", "UTC", createElement(ErrorText, { error: forbidden }))).toBe('<span data-error-code="forbidden">Votre rôle ne permet pas cette action.</span>');
    expect(await render("en", "UTC", createElement(ErrorText, { error: forbidden }))).toBe('<span data-error-code="forbidden">Your role does not allow this.</span>');
    expect(await render("fr", "UTC", createElement(ErrorText, { error: null }))).toBe("");
  });
});
