"use server";
// Server action behind the FR/EN switch, usable before sign-in too (the login page has the switch).
// Server actions carry Next.js's own same-origin check.
import { cookies, headers } from "next/headers";
import { localeCookie } from "@/lib/i18n/locale-cookie";
import { isLocale } from "@/lib/i18n/locales";

export async function setLocaleAction(locale: string): Promise<boolean> {
  if (!isLocale(locale)) return false;
  const proto = (await headers()).get("x-forwarded-proto");
  (await cookies()).set(localeCookie(locale, proto === "https"));
  return true;
}
