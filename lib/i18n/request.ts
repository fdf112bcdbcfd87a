// next-intl's per-request configuration: the locale comes from the cookie (set by POST /api/me/locale) —
// on an affiliate's public page from the visitor's own choice first (proxy.ts) — falling back to French; messages are the JSON files under messages/ (lib/i18n/messages.ts); the time
// zone is the store's (lib/i18n/request-time-zone.ts), which NextIntlClientProvider hands on to client
// components (next-intl 4's server provider reads it from this config when given no `timeZone` prop).
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/messages";
import { requestTimeZone } from "@/lib/i18n/request-time-zone";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/locales";

/** Set by proxy.ts on the public affiliate pages only (the visitor's `?lang=` or browser language). */
export const PAGE_LOCALE_HEADER = "x-page-locale";

export async function currentLocale(): Promise<Locale> {
  const page = (await headers()).get(PAGE_LOCALE_HEADER);
  if (isLocale(page)) return page;
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await currentLocale();
  const [messages, timeZone] = await Promise.all([loadMessages(locale), requestTimeZone()]);
  return { locale, messages, timeZone };
});
