"use server";
// Server actions behind the FR/EN switch, usable before sign-in too (the login page has the switch).
// proxy.ts refuses a cross-site call (403) before Next.js's own same-origin check runs.
import { cookies, headers } from "next/headers";
import { RedirectType, redirect } from "next/navigation";
import { localeCookie } from "@/lib/i18n/locale-cookie";
import { isLocale } from "@/lib/i18n/locales";
import { pathFromReferer, safeLocalPath } from "@/lib/http/safe-path";

/** Remembers the language; the switch then re-renders in place (router.refresh) once its script runs. */
export async function setLocaleAction(locale: string): Promise<boolean> {
  if (!isLocale(locale)) return false;
  const proto = (await headers()).get("x-forwarded-proto");
  (await cookies()).set(localeCookie(locale, proto === "https"));
  return true;
}

/**
 * The switch as a plain form post, before the JavaScript has loaded (a slow connection): remembers the
 * language, then answers 303 back to the page the form was on (its Referer, path and query kept; the
 * form's `returnTo` when a browser sends no Referer), which loads in the new language.
 */
export async function setLocaleFromForm(form: FormData): Promise<void> {
  await setLocaleAction(String(form.get("locale") ?? ""));
  const back = pathFromReferer((await headers()).get("referer")) ?? safeLocalPath(form.get("returnTo"));
  redirect(back, RedirectType.replace);
}
