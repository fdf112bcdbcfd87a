// Pages opened with a bad URL (issue 14 #6), through the server component functions on both engines:
// /overview?from=abc, /revenue?to=x, /sales?min=1.5 (with and without a currency), /settlements?to=
// 9999-99-99 and a saved view stored before the rules tightened all render — never a 500 — with the
// offending filter cleared and a readable message, in French and in English, naming it.
import { createElement, isValidElement, type FunctionComponent, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Kysely } from "kysely";
import { NextIntlClientProvider } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { OverviewAnalytics } from "@/app/(dashboard)/overview/overview-analytics";
import { RevenueReportView } from "@/app/(dashboard)/revenue/revenue-report";
import type { Database } from "@/lib/db";
import { loadMessages } from "@/lib/i18n/messages";
import { upsertSales } from "@/lib/mirror";
import { parseSalesView } from "@/lib/sales/schemas";
import { saleDetail } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown, locale: "fr" as "fr" | "en" }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member, requirePermission: async () => state.member, requireMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => state.locale }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  return {
    getTranslations: async (arg?: string | { namespace?: string }) =>
      createTranslator({ locale: state.locale, messages: await loadMessages(state.locale), namespace: typeof arg === "string" ? arg : arg?.namespace }),
  };
});
vi.stubEnv("AUTH_SECRET", "page-urls-test-secret-0123456789abcdef");
// The request's headers (the Sales page reads Save-Data for low-data mode): none here.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const pages = {
  overview: (await import("@/app/(dashboard)/overview/page")).default,
  revenue: (await import("@/app/(dashboard)/revenue/page")).default,
  sales: (await import("@/app/(dashboard)/sales/page")).default,
  settlements: (await import("@/app/(dashboard)/settlements/page")).default,
};
const views = await import("@/app/api/sales/views/route");

type Search = Record<string, string>;
/** What a page component returns: its element tree, children not yet rendered. */
async function renderPage(page: (props: { searchParams: Promise<Search> }) => Promise<ReactNode>, search: Search): Promise<ReactNode> {
  return page({ searchParams: Promise.resolve(search) });
}

/** Every element of a given component type in the tree, depth first. */
function findAll(node: ReactNode, type: unknown): ReactElement<Record<string, unknown>>[] {
  const found: ReactElement<Record<string, unknown>>[] = [];
  const walk = (n: ReactNode) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isValidElement<Record<string, unknown>>(n)) return;
    if (n.type === type) found.push(n);
    walk(n.props.children as ReactNode);
  };
  walk(node);
  return found;
}

/** The notice as a member reads it, in their language. */
async function noticeText(fields: string[], locale: "fr" | "en"): Promise<string> {
  // Its props type makes `children` required, which createElement's third argument does not satisfy.
  const Provider = NextIntlClientProvider as unknown as FunctionComponent<{ locale: string; timeZone: string; messages: unknown; children?: ReactNode }>;
  const html = renderToStaticMarkup(createElement(Provider, { locale, timeZone: "UTC", messages: await loadMessages(locale) }, createElement(ClearedFiltersNotice, { fields })));
  return html.replace(/<[^>]+>/g, "");
}

describe("the cleared-filters notice", () => {
  it("names the cleared keys in a sentence, in French and in English", async () => {
    // French spacing: narrow no-break spaces inside the guillemets and before the colon (docs/glossary.md).
    expect(await noticeText(["from"], "fr")).toBe("«\u202Ffrom\u202F»\u202F: ce filtre de l’adresse n’est pas valide, il a été retiré.");
    expect(await noticeText(["min", "to"], "fr")).toBe("«\u202Fmin, to\u202F»\u202F: ces filtres de l’adresse ne sont pas valides, ils ont été retirés.");
    expect(await noticeText(["to"], "en")).toBe("“to”: this filter in the address is not valid and was cleared.");
    expect(await noticeText([], "en")).toBe("");
  });
});

describeEachEngine("pages with a bad URL", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  beforeEach(async () => {
    state.db = k();
    state.member = (await makeMember(k(), "owner")).member;
    state.locale = "fr";
  });

  it("/overview?from=abc and /revenue?to=x render the default range, naming the cleared key above the figures", async () => {
    for (const [page, search, key, view] of [["overview", { from: "abc" }, "from", OverviewAnalytics], ["revenue", { to: "x" }, "to", RevenueReportView]] as const) {
      const tree = await renderPage(pages[page], search);
      const [figures] = findAll(tree, view);
      // The figures rendered are the default range's (last 30 days), the bad key dropped and named.
      expect(figures.props.params).toEqual({ range: "last30", compare: "none" });
      expect(((figures.props.overview ?? figures.props.report) as { range: { preset: string } }).range.preset).toBe("last30");
      expect(figures.props.cleared).toEqual([key]);
    }
  });

  it("/sales?min=1.5 renders (was a MoneyError 500): without a currency it is an exact bound; with XOF it is cleared", async () => {
    await upsertSales(
      k(),
      [saleDetail({ id: "xof_1", currency: "XOF", originalMinor: 1 }), saleDetail({ id: "xof_2", currency: "XOF", originalMinor: 2 })],
      { source: "detail", receivedAt: new Date().toISOString(), timeZone: "Africa/Abidjan" },
    );
    // The filters island gets what the page cleared (it does not parse the URL itself); the server-rendered
    // table it holds gets the page's answer.
    const island = (tree: ReactNode) => {
      const [client] = findAll(tree, findClient(tree));
      const table = client.props.results as ReactElement<{ page: { sales: { id: string }[] } }>;
      return { listed: table.props.page.sales.map((s) => s.id), cleared: client.props.cleared };
    };
    expect(island(await renderPage(pages.sales, { min: "1.5" }))).toEqual({ listed: ["xof_2"], cleared: [] });
    const withXof = island(await renderPage(pages.sales, { min: "1.5", currency: "XOF" }));
    expect(withXof.listed.sort()).toEqual(["xof_1", "xof_2"]);
    expect(withXof.cleared).toEqual(["min"]);
  });

  it("/settlements?to=9999-99-99 renders the default range with the notice naming `to` (was a 500)", async () => {
    const tree = await renderPage(pages.settlements, { to: "9999-99-99" });
    expect(findAll(tree, ClearedFiltersNotice).map((n) => n.props.fields)).toEqual([["to"]]);
    const drill = await renderPage(pages.settlements, { currency: "XOF", day: "2026-02-31" });
    expect(findAll(drill, ClearedFiltersNotice).map((n) => n.props.fields)).toEqual([["day"]]);
    expect(findAll(await renderPage(pages.settlements, {}), ClearedFiltersNotice)).toEqual([]);
  });

  it("a saved view stored with a value now refused (older data) is listed and opens, the value cleared", async () => {
    const query = "min=1.5&currency=XOF&from=2026-02-31&status=completed";
    await k()
      .insertInto("saved_views")
      .values({ id: "old-view", user_id: (state.member as { id: string }).id, table_key: "sales", name: "old", query, created_at: "2025-01-01T00:00:00.000Z", updated_at: "2025-01-01T00:00:00.000Z" })
      .execute();
    const list = await views.GET(new Request("http://dash.test/api/sales/views", { headers: { host: "dash.test" } }) as never, { params: Promise.resolve({}) });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { views: { query: string }[] }).views.map((v) => v.query)).toEqual([query]);
    const opened = Object.fromEntries(new URLSearchParams(query));
    await expect(renderPage(pages.sales, opened)).resolves.toBeDefined();
    const { view, cleared } = parseSalesView(opened);
    expect(cleared.sort()).toEqual(["from", "min"]);
    expect(view).toMatchObject({ currency: "XOF", status: ["completed"] });
  });
});

/** The Sales page's client island element type (the one with `initial` and `view` props). */
function findClient(tree: ReactNode): unknown {
  let type: unknown;
  const walk = (n: ReactNode) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isValidElement<Record<string, unknown>>(n)) return;
    if (type === undefined && "results" in n.props && "view" in n.props) type = n.type;
    walk(n.props.children as ReactNode);
  };
  walk(tree);
  return type;
}
