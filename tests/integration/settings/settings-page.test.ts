// The Settings page itself, rendered to HTML as the server sends it, on both engines: the Pulse log is the
// URL's page read from the database (pulses_page, pulses_size), the connection and sync cards speak the
// merchant's words, and the technical facts (API host, Pulse ids, lease holder) sit in a closed
// "Détails techniques" disclosure — nothing of them outside it.
import { createElement } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTranslator } from "next-intl";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import { loadMessages } from "@/lib/i18n/messages";
import { attributesOf, renderHtml } from "@/tests/support/render";
import { describeEachEngine } from "../db/engines";

vi.stubEnv("AUTH_SECRET", "settings-page-test-secret-0123456789abcdef");
// The request's headers (the page reads Save-Data for low-data mode): none here.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requirePermission: async () => ({ id: "u0", email: "owner@shop.test", name: null, role: "owner", createdAt: "2026-01-01T00:00:00.000Z" }) }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("@/lib/store/store-info", () => ({
  getConnectionStatus: () => ({ mode: "demo", apiHost: "api.chariow.test", apiKeyConfigured: false, pulseSecretConfigured: true, timezone: "Africa/Abidjan" }),
}));
vi.mock("@/lib/pulses", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/pulses")>()),
  getPulseEndpointInfo: () => ({ url: "https://shop.test/api/pulses", secretsFor: ["pulse_sales", "pulse_licences"] }),
}));
vi.mock("next-intl/server", async () => {
  const messages = await loadMessages("fr");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "fr", messages, namespace }) };
});
const { default: SettingsPage } = await import("@/app/(dashboard)/settings/page");

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");

describeEachEngine("Settings page (server HTML)", ({ db }) => {
  const k = () => db().db as Kysely<Database>;

  beforeEach(async () => {
    state.db = k();
    // 30 deliveries, one a minute: d30 is the newest.
    await k()
      .insertInto("pulse_deliveries")
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          delivery_id: `pdlv_${i + 1}`, dedupe_key: `k${i + 1}`, pulse_id: "pulse_sales", event: "successful.sale", object_id: `sal_${i + 1}`, applied_key: null,
          received_at: `2026-06-01T10:${String(i + 1).padStart(2, "0")}:00.000Z`, status: "processed", detail: null, body: null, processed_at: null,
        })),
      )
      .execute();
  });

  const render = async (query: Record<string, string>) =>
    renderHtml(createElement(QueryClientProvider, { client: new QueryClient() }, await SettingsPage({ searchParams: Promise.resolve(query) })), "fr", "Africa/Abidjan");

  it("shows the URL's page of the Pulse log, and keeps technical facts inside the closed disclosure", async () => {
    const first = await render({});
    expect(attributesOf(first, "span", "data-status")).toHaveLength(25);
    expect(attributesOf(first, "a", "href")).toContain("/settings?pulses_page=2");
    const times = (html: string) => attributesOf(html, "time", "dateTime");
    expect(times(first)[0]).toBe("2026-06-01T10:30:00.000Z");
    const second = await render({ pulses_page: "2" });
    expect(attributesOf(second, "span", "data-status")).toHaveLength(5);
    expect(times(second)).toEqual(["05", "04", "03", "02", "01"].map((m) => `2026-06-01T10:${m}:00.000Z`));
    expect(attributesOf(await render({ pulses_size: "50" }), "span", "data-status")).toHaveLength(30);

    const [outside, inside] = first.split('data-testid="technical-details"');
    expect(inside).toBeDefined();
    expect(first).not.toMatch(/<details[^>]*open/);
    for (const technical of ["api.chariow.test", "pulse_sales, pulse_licences"]) {
      expect(text(inside)).toContain(technical);
      expect(text(outside)).not.toContain(technical);
    }
    const words = text(outside);
    expect(words).toContain("Démo (simulateur)");
    expect(words).toContain("2 Pulses");
    expect(words).toContain("Vente réussie");
    for (const banned of ["miroir", "enrichies", "Budget API", "successful.sale"]) expect(words).not.toContain(banned);
  });

  it("names the store's time zone in words, never its IANA id (the picker's values stay the ids)", async () => {
    await k().insertInto("app_settings").values({ key: "store_timezone", value: "Africa/Lagos", updated_at: "2026-01-01T00:00:00.000Z" }).execute();
    const html = await render({});
    expect(text(html.split('data-testid="connection-timezone"')[1].split("</dd>")[0])).toContain("Lagos (UTC+1)");
    expect(text(html)).not.toContain("Africa/");
    expect(attributesOf(html, "option", "value")).toContain("Africa/Lagos");
  });
});
