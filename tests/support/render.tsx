// Renders a component to HTML the way the server does (no browser, no effects), inside next-intl's
// provider with the real French or English catalogue: what a merchant's browser receives before
// JavaScript has loaded.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";

// The app router a client island finds in a page; the server render never calls it.
const idleRouter = { back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {} } as unknown as AppRouterInstance;

export async function renderHtml(element: ReactElement, locale: Locale = "fr", timeZone = "Africa/Abidjan"): Promise<string> {
  const messages = await loadMessages(locale);
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone}>
      <AppRouterContext.Provider value={idleRouter}>{element}</AppRouterContext.Provider>
    </NextIntlClientProvider>,
  );
}

/** The HTML parsed into a DOM-like tree of the light kind tests need (no jsdom): all attributes of matches. */
export function attributesOf(html: string, tag: string, attribute: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*\\b${attribute}="([^"]*)"`, "g");
  return [...html.matchAll(re)].map((m) => m[1].replaceAll("&amp;", "&"));
}
