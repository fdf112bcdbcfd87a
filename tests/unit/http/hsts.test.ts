// HSTS is sent on pages exactly when the public URL is https (proxy.ts, read at run time), on the page
// itself and on the redirect of an anonymous visitor to /login.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const saved = process.env.APP_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
});

const signedIn = (url: string) => new NextRequest(url, { headers: { cookie: "__Secure-authjs.session-token=abc" } });

describe("Strict-Transport-Security", () => {
  it("is max-age=31536000; includeSubDomains on pages when APP_URL is https", () => {
    process.env.APP_URL = "https://dashboard.example.com";
    expect(proxy(signedIn("https://dashboard.example.com/overview")).headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    const redirect = proxy(new NextRequest("https://dashboard.example.com/sales"));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it.each([["http://dashboard.example.com"], [undefined]])("is absent when APP_URL is %s", (appUrl) => {
    if (appUrl === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = appUrl;
    expect(proxy(signedIn("http://localhost:3000/overview")).headers.get("strict-transport-security")).toBeNull();
    expect(proxy(new NextRequest("http://localhost:3000/sales")).headers.get("strict-transport-security")).toBeNull();
  });
});
