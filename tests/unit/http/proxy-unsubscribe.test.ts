// proxy.ts and the e-mails' unsubscribe link (issue 19, RFC 8058): /unsubscribe opens without a session,
// and a mail provider's cross-site one-click POST reaches it (its signature is checked there) — while
// every other page keeps both rules: anonymous visitors go to /login, cross-site posts are refused.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const HOST = "dash.test";
const request = (method: string, path: string, headers: Record<string, string> = {}, body?: string) => new NextRequest(`http://${HOST}${path}`, { method, headers: { host: HOST, ...headers }, body });
const LINK = "/unsubscribe?m=u1&w=daily&s=abc";

describe("proxy: the unsubscribe link", () => {
  it("opens without a session (no redirect to /login)", () => {
    const res = proxy(request("GET", LINK));
    expect(res.headers.get("location")).toBeNull();
    expect(res.status).toBe(200);
  });

  it("lets a mail provider's one-click POST through, from another origin or none", () => {
    const oneClick = { "content-type": "application/x-www-form-urlencoded" };
    expect(proxy(request("POST", LINK, { ...oneClick, origin: "https://mail.example" }, "List-Unsubscribe=One-Click")).status).toBe(200);
    expect(proxy(request("POST", LINK, oneClick, "List-Unsubscribe=One-Click")).headers.get("location")).toBeNull();
  });

  it("keeps the rules everywhere else: a cross-site post is refused, an anonymous page visit goes to /login", () => {
    expect(proxy(request("POST", "/unsubscribe/other", { origin: "https://mail.example" })).status).toBe(403);
    expect(proxy(request("POST", "/notifications", { origin: "https://mail.example" })).status).toBe(403);
    expect(proxy(request("GET", "/notifications")).headers.get("location")).toContain("/login");
  });
});
