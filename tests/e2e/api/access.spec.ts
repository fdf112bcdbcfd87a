// Routes × roles: anonymous callers get 401 JSON everywhere but the public routes; the role table
// (DESIGN §4) is enforced by the server whatever the browser shows; admins cannot touch owners.
import { expect, test } from "@playwright/test";
import { SAME_ORIGIN, apiAs } from "../support/api-session";
import type { DemoRole } from "../support/e2e-env";
import { EXPORT_CASES, discoverCsvRoutes, exportAllowed } from "../../support/export-routes";

// The member notification defaults (lib/notifications/preferences.ts), written out: PUT them back is harmless.
const DEFAULT_NOTIFICATION_PREFERENCES = { daily: true, weekly: true, hour: 8, locale: "fr", email: true, alertEmail: true, push: false, muted: [] };

type Call = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; body?: unknown };

const PROTECTED: Call[] = [
  { method: "GET", path: "/api/team/members" },
  { method: "GET", path: "/api/team/invites" },
  { method: "POST", path: "/api/team/invites", body: { email: "someone@example.com", role: "support" } },
  { method: "PATCH", path: "/api/team/members/any-id", body: { role: "support" } },
  { method: "DELETE", path: "/api/team/members/any-id" },
  { method: "GET", path: "/api/audit" },
  { method: "GET", path: "/api/settings" },
  { method: "POST", path: "/api/me/locale", body: { locale: "en" } },
  { method: "GET", path: "/api/me/preferences" },
  { method: "PUT", path: "/api/me/preferences", body: { lowData: "auto" } },
  { method: "GET", path: "/api/me/push" },
  { method: "POST", path: "/api/me/push", body: { endpoint: "https://push.example/x", keys: { p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", auth: "tBHItJI5svbpez7KI4CCXg" } } },
  { method: "DELETE", path: "/api/me/push", body: { endpoint: "https://push.example/x" } },
  { method: "GET", path: "/api/me/notifications" },
  { method: "PUT", path: "/api/me/notifications", body: DEFAULT_NOTIFICATION_PREFERENCES },
  { method: "GET", path: "/api/notifications" },
  { method: "POST", path: "/api/notifications/read", body: { all: true } },
  { method: "GET", path: "/api/notifications/send-log" },
  { method: "GET", path: "/api/settings/notifications" },
  { method: "PUT", path: "/api/settings/notifications", body: {} },
  { method: "POST", path: "/api/settings/notifications/webhook-secret" },
  { method: "POST", path: "/api/settings/notifications/test" },
  { method: "GET", path: "/api/downloads" },
  { method: "GET", path: "/api/payments" },
  { method: "GET", path: "/api/downloads/sales/any-id/contact" },
  { method: "POST", path: "/api/downloads/sales/any-id/contact", body: { channel: "email" } },
  { method: "POST", path: "/api/recovery/leads/any-id/contacted", body: { channel: "whatsapp" } },
  { method: "GET", path: "/api/licences" },
  { method: "POST", path: "/api/licences/any-id/reveal" },
  { method: "GET", path: "/api/settlements/statement.pdf?month=2026-11&currency=XOF" },
  { method: "GET", path: "/api/recovery/leads/any-id/checkout-link" },
  { method: "POST", path: "/api/recovery/leads/any-id/checkout-link", body: {} },
  { method: "GET", path: "/api/payment-cases" },
  { method: "GET", path: "/api/affiliates/share-links" },
  { method: "POST", path: "/api/affiliates/share-links", body: { code: "NO_SUCH_AFFILIATE" } },
  { method: "DELETE", path: "/api/affiliates/share-links/no-such-link" },
  { method: "POST", path: "/api/payment-cases", body: { saleId: "any-id" } },
  { method: "GET", path: "/api/payment-cases/any-id" },
  { method: "PATCH", path: "/api/payment-cases/any-id", body: {} },
  { method: "POST", path: "/api/payment-cases/any-id/status", body: { status: "sent" } },
  { method: "GET", path: "/api/payment-cases/any-id/summary.txt" },
  { method: "GET", path: "/api/payment-cases/any-id/summary.pdf" },
  ...EXPORT_CASES.map((c): Call => ({ method: "GET", path: c.sample })),
];

async function call(role: DemoRole | null, c: Call) {
  const ctx = await apiAs(role);
  const res = await ctx.fetch(c.path, { method: c.method, data: c.body, headers: SAME_ORIGIN });
  const status = res.status();
  const text = await res.text();
  await ctx.dispose();
  return { status, text };
}

test.describe("anonymous", () => {
  for (const c of PROTECTED) {
    test(`${c.method} ${c.path} → 401 JSON`, async () => {
      const { status, text } = await call(null, c);
      expect(status).toBe(401);
      expect(JSON.parse(text)).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    });
  }

  test("health is public and says nothing secret", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ status: "ok", database: "ok", upstream: { mode: "demo", reachable: true } });
  });

  test("the unsubscribe link is public: a forged one is a 400 page, not a redirect to /login", async ({ request }) => {
    const res = await request.get("/unsubscribe?m=nobody&w=all&s=forged", { maxRedirects: 0 });
    expect(res.status()).toBe(400);
    expect(res.headers()["content-type"]).toContain("text/html");
    const post = await request.post("/unsubscribe?m=nobody&w=all&s=forged", { maxRedirects: 0, form: { "List-Unsubscribe": "One-Click" }, headers: { origin: "https://mail.example" } });
    expect(post.status()).toBe(400);
  });

  test("pages redirect to /login", async ({ request }) => {
    const res = await request.get("/team", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()["location"]).toContain("/login");
  });
});

const MATRIX: Array<{ call: Call; allowed: DemoRole[] }> = [
  { call: { method: "GET", path: "/api/settings" }, allowed: ["owner", "admin"] },
  { call: { method: "GET", path: "/api/team/members" }, allowed: ["owner", "admin"] },
  { call: { method: "GET", path: "/api/audit" }, allowed: ["owner", "admin"] },
  { call: { method: "GET", path: "/api/team/invites" }, allowed: ["owner", "admin"] },
  { call: { method: "POST", path: "/api/me/locale", body: { locale: "fr" } }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "GET", path: "/api/me/preferences" }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "PUT", path: "/api/me/preferences", body: { lowData: "auto" } }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "GET", path: "/api/me/push" }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "DELETE", path: "/api/me/push", body: { endpoint: "https://push.example/none" } }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "GET", path: "/api/me/notifications" }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "PUT", path: "/api/me/notifications", body: DEFAULT_NOTIFICATION_PREFERENCES }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "GET", path: "/api/notifications" }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "POST", path: "/api/notifications/read", body: { id: "no-such-notification" } }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "GET", path: "/api/notifications/send-log" }, allowed: ["owner", "admin"] },
  { call: { method: "GET", path: "/api/settings/notifications" }, allowed: ["owner", "admin"] },
  { call: { method: "GET", path: "/api/payments" }, allowed: ["owner", "admin", "marketing"] },
  { call: { method: "GET", path: "/api/downloads?days=3" }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "GET", path: "/api/licences" }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "GET", path: "/api/settlements/statement.pdf?month=2026-11&currency=XOF" }, allowed: ["owner", "admin", "marketing"] },
  // recovery:read; an id with no link answers {link: null} (the POST makes a sale on Chariow: not walked here).
  { call: { method: "GET", path: "/api/recovery/leads/any-id/checkout-link" }, allowed: ["owner", "admin", "marketing", "support"] },
  // cases:read, every role (support handles "I was charged" complaints); the writes are walked below.
  { call: { method: "GET", path: "/api/affiliates/share-links" }, allowed: ["owner", "admin", "marketing"] },
  { call: { method: "GET", path: "/api/payment-cases" }, allowed: ["owner", "admin", "marketing", "support"] },
  { call: { method: "GET", path: "/api/payment-cases?status=open" }, allowed: ["owner", "admin", "marketing", "support"] },
];

// Every CSV route on disk, each role's status derived from the permission table: 200 exactly when the
// role reads the exported data and may export (tests/support/export-routes.ts says whose data it is).
test("every CSV route on disk is in the export matrix", () => {
  expect(discoverCsvRoutes()).toEqual([...new Set(EXPORT_CASES.map((c) => c.route))].sort());
});
for (const c of EXPORT_CASES) {
  MATRIX.push({ call: { method: "GET", path: c.sample }, allowed: (["owner", "admin", "marketing", "support"] as const).filter((role) => exportAllowed(role, c)) });
}

for (const { call: c, allowed } of MATRIX) {
  for (const role of ["owner", "admin", "marketing", "support"] as const) {
    const expected = allowed.includes(role) ? 200 : 403;
    test(`${role}: ${c.method} ${c.path} → ${expected}`, async () => {
      const { status, text } = await call(role, c);
      expect(status).toBe(expected);
      if (expected === 403) expect(JSON.parse(text).error.code).toBe("forbidden");
    });
  }
}

// Payment cases (cases:read / cases:write, every role): one case's routes and the writes on ids that do not
// exist, so nothing changes in the demo store — every role passes the role check and gets 404, not 403.
const CASE_FIELDS = { operatorReference: "REF-1", smsText: null, amountDebited: "100", currency: "XOF", debitedOn: "2026-01-02", debitedTime: null, note: null };
for (const role of ["owner", "admin", "marketing", "support"] as const) {
  for (const c of [
    { method: "POST", path: "/api/payment-cases", body: { saleId: "no-such-sale", ...CASE_FIELDS } },
    { method: "GET", path: "/api/payment-cases/no-such-case" },
    { method: "PATCH", path: "/api/payment-cases/no-such-case", body: CASE_FIELDS },
    { method: "POST", path: "/api/payment-cases/no-such-case/status", body: { status: "sent" } },
    { method: "GET", path: "/api/payment-cases/no-such-case/summary.txt" },
    { method: "GET", path: "/api/payment-cases/no-such-case/summary.pdf" },
  ] satisfies Call[]) {
    test(`${role}: ${c.method} ${c.path} → 404`, async () => {
      const { status, text } = await call(role, c);
      expect(status).toBe(404);
      expect(JSON.parse(text).error.code).toBe("not_found");
    });
  }
}

// Affiliate page links (issue 21): the writes on an affiliate and a link that do not exist — the roles with
// affiliates:share pass the role check and get 404; support is refused. The public page's JSON answers an
// unknown token 404 to anyone, signed in or not.
for (const role of ["owner", "admin", "marketing", "support"] as const) {
  for (const c of [
    { method: "POST", path: "/api/affiliates/share-links", body: { code: "NO_SUCH_AFFILIATE" } },
    { method: "DELETE", path: "/api/affiliates/share-links/no-such-link" },
  ] satisfies Call[]) {
    const expected = role === "support" ? 403 : 404;
    test(`${role}: ${c.method} ${c.path} → ${expected}`, async () => {
      const { status } = await call(role, c);
      expect(status).toBe(expected);
    });
  }
}
for (const role of [null, "owner", "support"] as const) {
  test(`${role ?? "anonymous"}: GET /api/affiliate-page/{unknown token} → 404`, async () => {
    const { status, text } = await call(role, { method: "GET", path: "/api/affiliate-page/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(status).toBe(404);
    expect(JSON.parse(text).error.code).toBe("not_found");
  });
}

// The store's notification settings change the demo store for every later test: only the refusals are
// walked here (tests/integration/notifications/store-settings.test.ts covers the allowed side).
for (const role of ["marketing", "support"] as const) {
  for (const c of [
    { method: "PUT", path: "/api/settings/notifications", body: {} },
    { method: "POST", path: "/api/settings/notifications/webhook-secret" },
    { method: "POST", path: "/api/settings/notifications/test" },
  ] satisfies Call[]) {
    test(`${role}: ${c.method} ${c.path} → 403`, async () => {
      const { status, text } = await call(role, c);
      expect(status).toBe(403);
      expect(JSON.parse(text).error.code).toBe("forbidden");
    });
  }
}

test.describe("admins cannot touch owners", () => {
  test("cannot demote, remove, or create an owner", async () => {
    const admin = await apiAs("admin");
    const { members } = (await (await admin.get("/api/team/members")).json()) as { members: Array<{ id: string; role: string }> };
    const owner = members.find((m) => m.role === "owner");
    expect(owner).toBeDefined();
    const patch = await admin.patch(`/api/team/members/${owner!.id}`, { data: { role: "support" }, headers: SAME_ORIGIN });
    expect(patch.status()).toBe(403);
    const del = await admin.delete(`/api/team/members/${owner!.id}`, { headers: SAME_ORIGIN });
    expect(del.status()).toBe(403);
    const invite = await admin.post("/api/team/invites", { data: { email: "new-owner@example.com", role: "owner" }, headers: SAME_ORIGIN });
    expect(invite.status()).toBe(403);
    await admin.dispose();
  });
});

test.describe("input and origin checks", () => {
  test("a bad field is a 400 that names it", async () => {
    const owner = await apiAs("owner");
    const res = await owner.post("/api/team/invites", { data: { email: "not-an-email", role: "marketing" }, headers: SAME_ORIGIN });
    expect(res.status()).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "invalid_input", field: "email" });
    const role = await owner.post("/api/team/invites", { data: { email: "a@example.com", role: "king" }, headers: SAME_ORIGIN });
    expect((await role.json()).error).toMatchObject({ code: "invalid_input", field: "role" });
    await owner.dispose();
  });

  test("a cross-site mutation is refused even with a valid session", async () => {
    const owner = await apiAs("owner");
    const evil = await owner.post("/api/team/invites", {
      data: { email: "csrf@example.com", role: "support" },
      headers: { Origin: "https://evil.example" },
    });
    expect(evil.status()).toBe(403);
    expect((await evil.json()).error.code).toBe("csrf");
    const crossSite = await owner.post("/api/me/locale", { data: { locale: "en" }, headers: { "Sec-Fetch-Site": "cross-site" } });
    expect(crossSite.status()).toBe(403);
    const noOrigin = await owner.post("/api/me/locale", { data: { locale: "en" } });
    expect(noOrigin.status()).toBe(403);
    await owner.dispose();
  });
});
