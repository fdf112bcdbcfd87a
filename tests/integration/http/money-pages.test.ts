// The Settlements, Recovery and Orders pages rendered whole on both engines, as the server sends them
// before JavaScript (the page component, then its HTML in the member's language), from data built for the
// test: every list is one page of the one table with its page links; Recovery lists one line per lead and
// opens a lead's panel from the URL; a bad key is cleared and named, never an error page.
import type { ReactElement, ReactNode } from "react";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { attributesOf, renderHtml } from "@/tests/support/render";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member, requirePermission: async () => state.member, requireMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => "fr" }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "fr", messages: await loadMessages("fr"), namespace }) };
});
vi.stubEnv("AUTH_SECRET", "money-pages-test-secret-0123456789abcdef");
vi.stubEnv("STORE_TIMEZONE", "Africa/Abidjan");

const pages = {
  settlements: (await import("@/app/(dashboard)/settlements/page")).default,
  recovery: (await import("@/app/(dashboard)/recovery/page")).default,
  orders: (await import("@/app/(dashboard)/orders/page")).default,
};
type Page = (props: { searchParams: Promise<Record<string, string>> }) => Promise<ReactNode>;
const html = async (page: Page, search: Record<string, string>) => renderHtml((await page({ searchParams: Promise.resolve(search) })) as ReactElement, "fr", "Africa/Abidjan");
const rowIds = (h: string) => attributesOf(h, "tr", "data-row-id");

const at = (day: number, minute: number) => new Date(Date.UTC(2026, 4, day, 9, minute)).toISOString();

describeEachEngine("money pages", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  beforeEach(async () => {
    state.db = k();
    state.member = (await makeMember(k(), "owner")).member;
  });
  const seed = (sales: SaleFacts[]) => upsertSales(k(), sales.map(saleDetail), { source: "detail", receivedAt: "2026-05-10T00:00:00.000Z", timeZone: "Africa/Abidjan" });

  it("/recovery lists 25 leads a page, one line each, and opens a lead's panel from the URL", async () => {
    // 30 failed sales on May 1st, one customer each, a minute apart: L29 is the newest.
    await seed(Array.from({ length: 30 }, (_, i) => ({ id: `L${String(i).padStart(2, "0")}`, status: "failed", customerId: `c${i}`, email: `c${i}@example.com`, productId: "prd_1", createdAt: at(1, i), failedAt: at(1, i) })));
    const range = { from: "2026-05-01", to: "2026-05-01" };
    const first = await html(pages.recovery as Page, range);
    const newest = Array.from({ length: 30 }, (_, i) => `L${String(29 - i).padStart(2, "0")}`);
    expect(rowIds(first)).toEqual(newest.slice(0, 25));
    expect(first).toContain("Relances (30)");
    // The count of each reason on its link; each lead's e-mail link ready in the HTML (no Pulse: no phone).
    expect(first).toMatch(/data-testid="recovery-filter-reason-failed"[^>]*>Paiement échoué \(30\)</);
    expect(first).toMatch(/data-testid="recovery-filter-reason-abandoned"[^>]*>Panier abandonné \(0\)</);
    expect(first).toMatch(/data-testid="lead-email-L29"[^>]*>/);
    expect(attributesOf(first, "a", "href").some((h) => h.startsWith("mailto:c29%40example.com?subject="))).toBe(true);
    expect(attributesOf(first, "a", "href")).toContain("/recovery?from=2026-05-01&to=2026-05-01&page=2");
    expect(first).not.toContain('data-testid="lead-panel"');
    const second = await html(pages.recovery as Page, { ...range, page: "2" });
    expect(rowIds(second)).toEqual(newest.slice(25));

    const opened = await html(pages.recovery as Page, { ...range, page: "2", lead: "L03" });
    expect(opened).toContain('data-testid="lead-panel" data-lead-id="L03"');
    expect(rowIds(opened)).toEqual(newest.slice(25)); // the list stays on its page
    expect(opened).toMatch(/data-row-id="L03"[^>]*aria-current="true"/);
    // The panel offers the exact payment link of a lead still to chase; once made, it shows that link.
    expect(opened).toMatch(/data-testid="lead-exact-link-slot"[\s\S]*data-testid="exact-link-create"/);
    const now = "2026-05-02T10:00:00.000Z";
    await k().insertInto("recovery_checkout_links").values({ lead_id: "L04", status: "created", step: "payment", sale_id: "sal_new", url: "https://demo.mychariow.com/pay/abc", discount_code: null, failure: null, attempts: 1, created_by: null, created_at: now, updated_at: now }).execute();
    const linked = await html(pages.recovery as Page, { ...range, page: "2", lead: "L04" });
    expect(linked).toMatch(/data-testid="exact-link-url"[^>]*>[^<]*https:\/\/demo\.mychariow\.com\/pay\/abc/);

    // No abandoned cart in the range: the reason lists none, and says so.
    const carts = await html(pages.recovery as Page, { ...range, reason: "abandoned" });
    expect(rowIds(carts)).toEqual([]);
    expect(carts).toContain("Rien à relancer sur cette période.");
    expect(carts).toContain("Relances (0)");

    const unknown = await html(pages.recovery as Page, { ...range, lead: "nope", status: "later" });
    expect(unknown).not.toContain('data-testid="lead-panel"');
    expect(unknown.replace(/\u202f/g, " ")).toContain("« status, lead »"); // French typography: narrow no-break spaces inside « »
    expect(rowIds(unknown)).toEqual(newest.slice(0, 25)); // a bad status falls back to the leads to follow up
  });

  it("/orders pages the orders to ship oldest first, with state tabs as links", async () => {
    const shipping = { address: "Lot 1", city: "Abidjan", country: "CI" };
    await seed(Array.from({ length: 27 }, (_, i) => ({ id: `O${String(i).padStart(2, "0")}`, status: "completed", productId: "prd_box", createdAt: at(2, i), completedAt: at(2, i), shipping })));
    const first = await html(pages.orders as Page, {});
    expect(rowIds(first)).toEqual(Array.from({ length: 25 }, (_, i) => `O${String(i).padStart(2, "0")}`));
    expect(first).toContain("Commandes (27)");
    expect(attributesOf(first, "a", "href")).toEqual(expect.arrayContaining(["/orders?page=2", "/orders?state=shipped", "/orders?state=all"]));
    expect(rowIds(await html(pages.orders as Page, { page: "2" }))).toEqual(["O25", "O26"]);
    const bad = await html(pages.orders as Page, { state: "lost" });
    expect(bad.replace(/\u202f/g, " ")).toContain("« state »");
    expect(rowIds(bad)).toHaveLength(25);
  });

  it("/settlements opens a payout's sales from the calendar or the timeline, paged under the sales_ keys", async () => {
    // 27 XOF sales paid on May 2nd, all due on May 5th (Abidjan).
    await seed(Array.from({ length: 27 }, (_, i) => ({ id: `S${String(i).padStart(2, "0")}`, status: "completed", currency: "XOF", originalMinor: 10_000, settlementNetMinor: 9_200, createdAt: at(2, i), completedAt: at(2, i), settlementDueAt: "2026-05-05T10:00:00.000Z" })));
    const range = { from: "2026-05-01", to: "2026-05-10" };
    const timeline = await html(pages.settlements as Page, range);
    expect(rowIds(timeline)).toEqual(["XOF-2026-05-05"]);
    expect(attributesOf(timeline, "a", "href")).toContain("/settlements?from=2026-05-01&to=2026-05-10&currency=XOF&day=2026-05-05#payout-sales");
    expect(timeline).not.toContain('data-testid="payout-sales"');
    // The payout's sales open below the calendar, above the range's timeline.
    const drill = await html(pages.settlements as Page, { ...range, currency: "XOF", day: "2026-05-05" });
    expect(rowIds(drill)).toEqual([...Array.from({ length: 25 }, (_, i) => `S${String(26 - i).padStart(2, "0")}`), "XOF-2026-05-05"]);
    expect(drill).toContain("27 ventes du versement XOF dû le 5 mai 2026");
    expect(attributesOf(drill, "a", "href")).toContain("/settlements?from=2026-05-01&to=2026-05-10&currency=XOF&day=2026-05-05&sales_page=2");
    const next = await html(pages.settlements as Page, { ...range, currency: "XOF", day: "2026-05-05", sales_page: "2" });
    expect(rowIds(next)).toEqual(["S01", "S00", "XOF-2026-05-05"]);
    // A new range drops the open payout (it belongs to the old range): presets and the form.
    const preset = (/data-testid="date-preset-last7"[^>]*href="([^"]*)"/.exec(drill)?.[1] ?? "").replaceAll("&amp;", "&");
    expect(preset).toMatch(/^\/settlements\?from=/);
    expect(preset).not.toMatch(/currency|day=/);
    expect(drill).not.toContain('name="currency"');

    // The calendar of May (grid) and of the week of the 4th (strip): the 5th's payout opens its sales.
    const calendar = await html(pages.settlements as Page, { month: "2026-05", week: "2026-05-06" });
    const dayLinks = [...calendar.matchAll(/<a\b[^>]*data-testid="payout-day-2026-05-05-XOF"[^>]*>/g)].map((m) => /href="([^"]*)"/.exec(m[0])![1]!.replaceAll("&amp;", "&"));
    expect(dayLinks).toEqual(Array(2).fill("/settlements?month=2026-05&week=2026-05-06&currency=XOF&day=2026-05-05#payout-sales"));
    expect(calendar).toContain("248\u202f400\u00a0XOF"); // 27 × 9 200, the timeline's net
    expect(attributesOf(calendar, "a", "href")).toEqual(expect.arrayContaining(["/settlements?month=2026-04&week=2026-05-06#payout-calendar-title", "/settlements?month=2026-05&week=2026-04-27#payout-calendar-title"]));
    // A bad month is cleared and named; the statement's link is last month's, in the store's currency.
    const bad = await html(pages.settlements as Page, { month: "2026-13" });
    expect(bad.replace(/\u202f/g, " ")).toContain("« month »");
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    expect(/<a href="([^"]*)" download="" data-testid="statement-download"/.exec(bad)?.[1]?.replaceAll("&amp;", "&")).toBe(`/api/settlements/statement.pdf?month=${lastMonth}&currency=XOF`);
  });
});
