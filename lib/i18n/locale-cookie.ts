// How the chosen language is remembered: one cookie, a year, server-readable only (no URL prefix).
import "server-only";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function localeCookie(locale: Locale, secure: boolean) {
  return {
    name: LOCALE_COOKIE,
    value: locale,
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
    sameSite: "lax" as const,
    httpOnly: true,
    secure,
  };
}
