// next-intl's per-request configuration: the locale comes from the cookie (set by POST /api/me/locale),
// falling back to French; messages are the JSON files under messages/ (lib/i18n/messages.ts); the time
// zone is the store's (lib/i18n/request-time-zone.ts), which NextIntlClientProvider hands on to client
// components (next-intl 4's server provider reads it from this config when given no `timeZone` prop).
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/messages";
import { requestTimeZone } from "@/lib/i18n/request-time-zone";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/locales";

export async function currentLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await currentLocale();
  const [messages, timeZone] = await Promise.all([loadMessages(locale), requestTimeZone()]);
  return { locale, messages, timeZone };
});
