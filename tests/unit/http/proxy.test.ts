// proxy.ts in front of every page: a server action (any non-GET on a page path) from another origin is a
// 403 before anything renders — Next.js's own check would throw and answer 500 — while same-origin
// actions and ordinary cross-site links go on as before.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const HOST = "dash.test";

function request(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new NextRequest(`http://${HOST}${path}`, { method, headers: { host: HOST, ...headers }, body });
}

const ACTION = { "next-action": "7f3a9c", "content-type": "text/plain;charset=UTF-8" };

describe("proxy: server actions from another origin", () => {
  it("refuses the sign-in action posted from a foreign Origin with 403 JSON", async () => {
    const res = proxy(request("POST", "/login", { ...ACTION, origin: "https://evil.example" }, '["x"]'));
    expect(res.status).toBe(403);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ error: { code: "csrf", message: "Cross-site request refused" } });
  });

  it("refuses it before the anonymous redirect on a dashboard page (sign-out, language switch)", () => {
    const res = proxy(request("POST", "/settings", { ...ACTION, origin: "https://evil.example" }));
    expect(res.status).toBe(403);
    expect(res.headers.get("location")).toBeNull();
  });

  it("refuses a no-JavaScript form post (multipart, no Next-Action header) and a browser's cross-site flag", () => {
    const form = proxy(request("POST", "/login", { "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example" }, "--x--"));
    expect(form.status).toBe(403);
    // The browser says cross-site even though a proxy made the Origin look like ours.
    const flagged = proxy(request("POST", "/login", { ...ACTION, origin: `http://${HOST}`, "sec-fetch-site": "cross-site" }));
    expect(flagged.status).toBe(403);
    // No Origin and no Sec-Fetch-Site: not provably ours, like the API's mutations.
    expect(proxy(request("POST", "/login", ACTION)).status).toBe(403);
  });

  it("lets a same-origin action through to Next.js (with the CSP nonce), by Origin or by Sec-Fetch-Site", () => {
    const byOrigin = proxy(request("POST", "/login", { ...ACTION, origin: `http://${HOST}` }));
    expect(byOrigin.status).toBe(200);
    expect(byOrigin.headers.get("x-middleware-next")).toBe("1");
    expect(byOrigin.headers.get("content-security-policy")).toContain("'nonce-");
    const byFetchSite = proxy(request("POST", "/login", { ...ACTION, "sec-fetch-site": "same-origin" }));
    expect(byFetchSite.headers.get("x-middleware-next")).toBe("1");
  });

  it("does not refuse GETs from elsewhere (a link to the dashboard)", () => {
    const res = proxy(request("GET", "/login", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });
});
