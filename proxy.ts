// Next 16's middleware. Three jobs only: refuse a cross-site POST to a page (a server action) with 403,
// send anonymous visitors of a page to /login (an optimistic check on the session cookie — the real check
// is on the server, per page and per API route), and attach the per-request headers: the CSP nonce, which
// only a per-request hook can mint, and HSTS when APP_URL is https, known only at run time (docs/security.md).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/csp";
import { SAFE_METHODS, isSameOriginRequest } from "@/lib/http/csrf";
import { strictTransportSecurity } from "@/lib/http/hsts";

// The e-mails' unsubscribe link (app/unsubscribe/route.ts): public, and POSTed cross-site by mail providers
// (RFC 8058 one-click); its HMAC signature is the authority, no session is read.
const UNSUBSCRIBE = /^\/unsubscribe$/;
// An affiliate's private page (issue 21): its token is the authority, no session is read.
const AFFILIATE_PAGE = /^\/a\/[^/]+$/;
const PUBLIC_PAGES = [/^\/login$/, /^\/invite\/[^/]+$/, UNSUBSCRIBE, AFFILIATE_PAGE];
const PAGE_LOCALE_HEADER = "x-page-locale"; // lib/i18n/request.ts

/**
 * The affiliate page's language: `?lang=fr|en`, else the browser's first of French or English, else none
 * (the locale cookie, then French). Exported for its test.
 */
export function affiliatePageLocale(lang: string | null, acceptLanguage: string | null): "fr" | "en" | null {
  if (lang === "fr" || lang === "en") return lang;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === "fr" || tag === "en") return tag;
  }
  return null;
}
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
}

function withHsts(response: NextResponse): NextResponse {
  const hsts = strictTransportSecurity(process.env.APP_URL);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

/**
 * A page answers only GET; any other method on a page path is a server action (sign-in, language switch,
 * sign-out), with a `Next-Action` header or as a no-JavaScript form post. Next.js refuses a foreign Origin
 * itself, but by throwing — a 500. Checked here, every action (present and future) gets the same rule as
 * the API's mutations (lib/http/csrf) and a 403, before the session redirect or any rendering.
 */
export function refuseCrossSiteAction(request: NextRequest): NextResponse | null {
  if (SAFE_METHODS.has(request.method) || isSameOriginRequest(request.headers)) return null;
  if (request.method === "POST" && UNSUBSCRIBE.test(request.nextUrl.pathname)) return null;
  return NextResponse.json({ error: { code: "csrf", message: "Cross-site request refused" } }, { status: 403, headers: { "Cache-Control": "no-store" } });
}

export function proxy(request: NextRequest) {
  const refused = refuseCrossSiteAction(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.some((re) => re.test(pathname)) && !hasSessionCookie(request)) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
    return withHsts(NextResponse.redirect(login));
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // Only proxy.ts says a page's language this way: a visitor cannot send the header themself.
  requestHeaders.delete(PAGE_LOCALE_HEADER);
  const affiliatePage = AFFILIATE_PAGE.test(pathname);
  if (affiliatePage) {
    const locale = affiliatePageLocale(request.nextUrl.searchParams.get("lang"), request.headers.get("accept-language"));
    if (locale) requestHeaders.set(PAGE_LOCALE_HEADER, locale);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (affiliatePage) {
    // Not for search engines, and the token never leaves in a Referer.
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    response.headers.set("Referrer-Policy", "no-referrer");
    response.headers.set("Cache-Control", "private, no-store");
  }
  return withHsts(response);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; static files need neither a session nor a nonce —
  // nor do the manifest, the service worker and the home-screen icons, which the browser fetches alone.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|manifest.webmanifest|sw.js|icons/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
