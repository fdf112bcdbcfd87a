// /unsubscribe?m&w&s (issue 19; public, no session): the link in every e-mail. GET verifies the signature
// and shows what will stop with a confirm button; POST (that button, or a mail client's RFC 8058 one-click
// POST with "List-Unsubscribe=One-Click") turns it off. A bad or forged link is a 400 page, never a crash.
// A route handler, not a page: the status must be 400 for a bad link, and one URL must answer GET and POST.
// Not built with route(): there is no session to protect and the signed link is the only authority, so
// the same-origin rule of mutations does not apply — a mail provider's server POSTs it cross-site by design
// (proxy.ts lets this one path through). The body is never read.
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getPreferences } from "@/lib/notifications/preferences";
import { escapeHtml, translatorFor } from "@/lib/notifications/render";
import { applyUnsubscribe, checkUnsubscribeLink } from "@/lib/notifications/unsubscribe-apply";

const HEADERS = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer" };

function page(locale: Locale, title: string, body: string, status: number): Response {
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="margin:0;padding:16px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#18181b;background:#fafafa"><main style="max-width:480px;margin:40px auto;background:#fff;border:1px solid #e4e4e7;border-radius:8px;padding:20px"><h1 style="font-size:20px;margin:0 0 12px 0">${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: HEADERS });
}

const p = (s: string) => `<p style="margin:0 0 12px 0">${escapeHtml(s)}</p>`;

async function cookieLocale(): Promise<Locale> {
  const value = (await cookies()).get("NEXT_LOCALE")?.value;
  return isLocale(value) ? value : "fr";
}

async function handle(req: NextRequest, confirm: boolean): Promise<Response> {
  const db = await getDb();
  const query = Object.fromEntries(req.nextUrl.searchParams);
  const link = await checkUnsubscribeLink(db, getEnv().AUTH_SECRET, query);
  if (!link.ok) {
    const locale = await cookieLocale();
    const t = await translatorFor(locale, "NotificationsPage.unsubscribe");
    return page(locale, t("invalidTitle"), p(t("invalidBody")), 400);
  }
  // The member's notification language: the e-mail they clicked from was in it.
  const locale = (await getPreferences(db, link.memberId)).locale;
  const t = await translatorFor(locale, "NotificationsPage.unsubscribe");
  const what = t(`what.${link.what}`);
  if (confirm) {
    await applyUnsubscribe(db, link.memberId, link.what);
    return page(locale, t("doneTitle"), p(t("doneBody", { what, email: link.email })) + p(t("doneHint")), 200);
  }
  const action = `/unsubscribe?${new URLSearchParams({ m: link.memberId, w: link.what, s: query.s! }).toString()}`;
  const button = `<form method="post" action="${escapeHtml(action)}"><button type="submit" style="min-height:44px;padding:8px 16px;font-size:16px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer">${escapeHtml(t("confirm"))}</button></form>`;
  return page(locale, t("confirmTitle"), p(t("confirmBody", { what, email: link.email })) + button, 200);
}

export async function GET(req: NextRequest): Promise<Response> {
  return handle(req, false);
}

export async function POST(req: NextRequest): Promise<Response> {
  return handle(req, true);
}
