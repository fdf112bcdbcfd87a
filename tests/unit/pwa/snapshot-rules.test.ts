// The service worker's rules (sw/snapshot-rules.ts, docs/offline.md): which pages may be kept, how a
// page says whose it is and until when, that no copy is read past its session's end, how a served copy
// is marked, and the key a copy is stored under.
import { describe, expect, it } from "vitest";
import {
  EXPIRES_META,
  SCOPE_META,
  SNAPSHOT_AT_META,
  isPublicPage,
  isReadable,
  isSnapshotPage,
  isStaticAsset,
  markSnapshot,
  pageTitle,
  readPageState,
  snapshotKey,
} from "@/sw/snapshot-rules";

const SCOPE = "0123456789abcdef0123456789abcdef";
const page = (extra = "", lang = "fr") =>
  `<!DOCTYPE html><html lang="${lang}"><head><meta charSet="utf-8"/><title>Ventes · Tableau de bord Chariow</title>${extra}</head><body><p>sal_1</p></body></html>`;
const metas = (scope = SCOPE, expires = "2026-12-05T10:00:00.000Z") => `<meta name="${SCOPE_META}" content="${scope}"/><meta name="${EXPIRES_META}" content="${expires}"/>`;

describe("which requests a snapshot may answer", () => {
  it("keeps dashboard pages, never public pages, API answers, downloads or build files", () => {
    for (const path of ["/overview", "/sales", "/sales/sal_1", "/customers/cus_1", "/settings"]) expect(isSnapshotPage(path), path).toBe(true);
    for (const path of ["/login", "/invite/abc", "/api/sales", "/api/sales/export.csv", "/api/settlements/statement.pdf", "/x/report.csv", "/_next/static/chunks/a.js", "/icons/icon-192.png", "/sw.js", "/manifest.webmanifest"]) {
      expect(isSnapshotPage(path), path).toBe(false);
    }
    expect(isPublicPage("/login")).toBe(true);
    expect(isPublicPage("/invite/tok_1")).toBe(true);
    expect(isPublicPage("/overview")).toBe(false);
    expect(isStaticAsset("/_next/static/chunks/a.js")).toBe(true);
    expect(isStaticAsset("/api/health")).toBe(false);
  });
});

describe("whose page it is", () => {
  it("reads the scope, the session's end and the language from the page's meta tags", () => {
    expect(readPageState(page(metas()))).toEqual({ scope: SCOPE, expiresAt: "2026-12-05T10:00:00.000Z", locale: "fr" });
    expect(readPageState(page(metas(), "en"))?.locale).toBe("en");
  });

  it("declines a page without a scope, with a malformed scope or with an unreadable end", () => {
    expect(readPageState(page())).toBeNull();
    expect(readPageState(page(metas("not-a-scope")))).toBeNull();
    expect(readPageState(page(metas(SCOPE, "tomorrow")))).toBeNull();
    expect(readPageState(page(`<meta name="${SCOPE_META}" content="${SCOPE}"/>`))).toBeNull();
  });

  it("never lets a copy be read at or after the end of its session", () => {
    const state = { scope: SCOPE, expiresAt: "2026-12-05T10:00:00.000Z", locale: "fr" };
    expect(isReadable(state, new Date("2026-12-05T09:59:59.999Z"))).toBe(true);
    expect(isReadable(state, new Date("2026-12-05T10:00:00.000Z"))).toBe(false);
    expect(isReadable(state, new Date("2026-12-06T00:00:00.000Z"))).toBe(false);
    expect(isReadable(null, new Date("2026-01-01T00:00:00.000Z"))).toBe(false);
  });
});

describe("a served copy", () => {
  it("is marked with when it was taken, right after <head>, the rest of the page unchanged", () => {
    const html = page(metas());
    const marked = markSnapshot(html, "2026-12-05T08:30:00.000Z");
    expect(marked).toContain(`<head><meta name="${SNAPSHOT_AT_META}" content="2026-12-05T08:30:00.000Z"/><meta charSet="utf-8"/>`);
    expect(marked.replace(`<meta name="${SNAPSHOT_AT_META}" content="2026-12-05T08:30:00.000Z"/>`, "")).toBe(html);
  });

  it("is stored under its path and query, without Next's _rsc cache-buster or a fragment", () => {
    expect(snapshotKey("http://localhost:3000/sales?status=failed&_rsc=abc#top")).toBe("/sales?status=failed");
    expect(snapshotKey("http://localhost:3000/overview")).toBe("/overview");
    expect(snapshotKey("http://localhost:3000/sales?page=2")).not.toBe(snapshotKey("http://localhost:3000/sales?page=3"));
  });

  it("is listed by the page's own name", () => {
    expect(pageTitle(page())).toBe("Ventes");
    expect(pageTitle("<html><head></head></html>")).toBeNull();
    expect(pageTitle("<title>Vue d&#x27;ensemble · Tableau de bord Chariow</title>")).toBe("Vue d'ensemble");
  });
});
