// Next 16's middleware. Two jobs only: send anonymous visitors of a page to /login (an optimistic check on
// the session cookie — the real check is on the server, per page and per API route), and attach the
// per-request headers: the CSP nonce, which only a per-request hook can mint, and HSTS when APP_URL is
// https, which is known only at run time (docs/security.md).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/csp";
import { strictTransportSecurity } from "@/lib/http/hsts";

const PUBLIC_PAGES = [/^\/login$/, /^\/invite\/[^/]+$/];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
}

function withHsts(response: NextResponse): NextResponse {
  const hsts = strictTransportSecurity(process.env.APP_URL);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export function proxy(request: NextRequest) {
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return withHsts(response);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; static files need neither a session nor a nonce.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
