// The CSV export honours the language's preset (BOM; `;` for French Excel, `,` for English) and pages
// carry the security headers (CSP with a nonce and frame-ancestors, referrer policy, nosniff); the
// favicon answers without a session.
import { expect, test } from "@playwright/test";
import { SAME_ORIGIN, apiAs } from "../support/api-session";

test("members CSV: BOM, French `;` then English `,`", async () => {
  const owner = await apiAs("owner");
  await owner.post("/api/me/locale", { data: { locale: "fr" }, headers: SAME_ORIGIN });
  const fr = await owner.get("/api/team/members/export.csv");
  expect(fr.status()).toBe(200);
  expect(fr.headers()["content-type"]).toContain("text/csv");
  const frBytes = await fr.body();
  expect([...frBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const frText = frBytes.toString("utf8").slice(1);
  // Instants are written in the store's time zone, named in the header.
  expect(frText.split("\r\n")[0]).toMatch(/^E-mail;Nom;Rôle;Créé le \([A-Za-z_]+(\/[A-Za-z_]+)*\)$/);
  expect(frText).toContain("owner@demo.chariow.local;Demo owner;Propriétaire;");

  await owner.post("/api/me/locale", { data: { locale: "en" }, headers: SAME_ORIGIN });
  const en = (await (await owner.get("/api/team/members/export.csv")).body()).toString("utf8").slice(1);
  expect(en.split("\r\n")[0]).toMatch(/^Email,Name,Role,Created at \([A-Za-z_]+(\/[A-Za-z_]+)*\)$/);
  expect(en).toContain("owner@demo.chariow.local,Demo owner,Owner,");
  await owner.dispose();
});

test("pages carry a nonce CSP and the security headers", async () => {
  const owner = await apiAs("owner");
  const res = await owner.get("/settings");
  expect(res.status()).toBe(200);
  const h = res.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-content-type-options"]).toBe("nosniff");
  const api = await owner.get("/api/settings");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  await owner.dispose();
});

test("support gets the 403 page on an admin-only page", async () => {
  const support = await apiAs("support");
  const res = await support.get("/settings");
  expect(res.status()).toBe(403);
  await support.dispose();
});

test("the browser's own /favicon.ico request gets the icon, without a session", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  // An ICO file: reserved 0, type 1, then at least one image.
  const bytes = await res.body();
  expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
});
