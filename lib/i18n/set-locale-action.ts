"use server";
// Server action behind the FR/EN switch, usable before sign-in too (the login page has the switch).
// proxy.ts refuses a cross-site call (403) before Next.js's own same-origin check runs.
import { cookies, headers } from "next/headers";
import { localeCookie } from "@/lib/i18n/locale-cookie";
import { isLocale } from "@/lib/i18n/locales";

export async function setLocaleAction(locale: string): Promise<boolean> {
  if (!isLocale(locale)) return false;
  const proto = (await headers()).get("x-forwarded-proto");
  (await cookies()).set(localeCookie(locale, proto === "https"));
  return true;
}
