// proxy.ts and the affiliates' private pages (issue 21): /a/<token> opens without a session, is marked
// noindex / no-referrer / no-store, and takes its language from the visitor (?lang=, else the browser) — a
// header only the proxy sets, removed from whatever the visitor sent; other pages keep the /login rule.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { affiliatePageLocale, proxy } from "@/proxy";

const HOST = "dash.test";
const request = (path: string, headers: Record<string, string> = {}) => new NextRequest(`http://${HOST}${path}`, { method: "GET", headers: { host: HOST, ...headers } });
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

describe("proxy: an affiliate's page", () => {
  it("opens without a session, not indexed, no Referer, not stored", () => {
    const res = proxy(request("/a/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    // Deeper paths are not the page: the session rule holds.
    expect(proxy(request("/a/x/y")).headers.get("location")).toContain("/login");
  });

  it("passes the visitor's language on, and only its own", () => {
    expect(forwarded(proxy(request("/a/tok?lang=en", { "accept-language": "fr-FR" })), "x-page-locale")).toBe("en");
    expect(forwarded(proxy(request("/a/tok", { "accept-language": "de-DE, en;q=0.8" })), "x-page-locale")).toBe("en");
    expect(forwarded(proxy(request("/a/tok", { "accept-language": "de-DE" })), "x-page-locale")).toBeNull();
    // A visitor's own header never reaches a page.
    expect(forwarded(proxy(request("/login", { "x-page-locale": "en" })), "x-page-locale")).toBeNull();
  });

  it("reads ?lang first, then the browser's first French or English", () => {
    expect(affiliatePageLocale("fr", "en-GB")).toBe("fr");
    expect(affiliatePageLocale("xx", "en-GB,fr;q=0.5")).toBe("en");
    expect(affiliatePageLocale(null, "FR-ci")).toBe("fr");
    expect(affiliatePageLocale(null, null)).toBeNull();
  });
});
