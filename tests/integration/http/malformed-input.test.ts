// Malformed input through the real route handlers, on both engines (issue 14 #6): every URL the probe
// reproduced as a 500 is now a 400 naming the field — impossible days, a non-day `from`/`to`, an amount
// finer than its currency — and a CSV export says so before its first byte instead of cutting its stream.
// Without a currency an amount bound is compared exactly in each sale's own currency (hand-built sales).
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { saleDetail } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => "en" }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
// next-intl's server entry needs a Next request: the same catalogues through its plain translator.
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));
vi.stubEnv("AUTH_SECRET", "malformed-input-test-secret-0123456789abcdef");

const routes = {
  overview: await import("@/app/api/analytics/overview/route"),
  revenue: await import("@/app/api/analytics/revenue/route"),
  revenueExport: await import("@/app/api/analytics/revenue/[table]/export.csv/route"),
  sales: await import("@/app/api/sales/route"),
  salesExport: await import("@/app/api/sales/export.csv/route"),
  views: await import("@/app/api/sales/views/route"),
  settlements: await import("@/app/api/settlements/route"),
  settlementSales: await import("@/app/api/settlements/sales/route"),
  settlementExport: await import("@/app/api/settlements/export.csv/route"),
  timelineExport: await import("@/app/api/settlements/timeline/export.csv/route"),
  leads: await import("@/app/api/recovery/leads/route"),
  leadsExport: await import("@/app/api/recovery/export.csv/route"),
  affiliates: await import("@/app/api/affiliates/route"),
  audit: await import("@/app/api/audit/route"),
};
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function get(handler: Handler, url: string, params: Record<string, string> = {}): Promise<Response> {
  return handler(new NextRequest(`http://dash.test${url}`, { headers: { host: "dash.test" } }), { params: Promise.resolve(params) });
}

/** A 400 in JSON (not a CSV that starts then breaks) whose `field` names the parameter. */
async function expectRefused(res: Response, field: string) {
  expect(res.status).toBe(400);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = (await res.json()) as { error: { code: string; field?: string; message: string } };
  expect(body.error.field).toBe(field);
  expect(body.error.message).toContain(field);
}

describeEachEngine("malformed input is a 400 naming the field", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  beforeEach(async () => {
    state.db = k();
    state.member = (await makeMember(k(), "owner")).member;
  });

  describe("days that are not days", () => {
    it.each([
      ["overview", "/api/analytics/overview?from=abc", "from"],
      ["overview", "/api/analytics/overview?to=x", "to"],
      ["overview", "/api/analytics/overview?range=custom&from=2026-13-45&to=2026-12-01", "from"],
      ["overview", "/api/analytics/overview?range=custom&from=2026-02-01&to=2026-02-31", "to"],
      ["revenue", "/api/analytics/revenue?to=x", "to"],
      ["revenue", "/api/analytics/revenue?range=custom&from=abc&to=2026-01-31", "from"],
      ["settlements", "/api/settlements?to=9999-99-99", "to"],
      ["settlements", "/api/settlements?from=2026-02-31", "from"],
      ["settlementSales", "/api/settlements/sales?currency=XOF&day=9999-99-99", "day"],
      ["leads", "/api/recovery/leads?to=9999-99-99", "to"],
      ["affiliates", "/api/affiliates?from=2026-13-45", "from"],
      ["audit", "/api/audit?before=2026-02-31", "before"],
      ["audit", "/api/audit?before=99999999999999999999", "before"],
    ] as const)("%s %s → 400 on %s", async (route, url, field) => {
      await expectRefused(await get(routes[route].GET as Handler, url), field);
    });

    it("a chart range over ten years is refused on `to`; a day range in the wrong order on `from`", async () => {
      await expectRefused(await get(routes.overview.GET as Handler, "/api/analytics/overview?range=custom&from=2016-01-01&to=2026-01-01"), "to");
      const ok = await get(routes.overview.GET as Handler, "/api/analytics/overview?range=custom&from=2016-01-01&to=2025-12-31");
      expect(ok.status).toBe(200);
      await expectRefused(await get(routes.settlements.GET as Handler, "/api/settlements?from=2026-03-02&to=2026-03-01"), "from");
    });
  });

  describe("exports validate everything before their first byte", () => {
    it.each([
      ["salesExport", "/api/sales/export.csv?min=1.5&currency=XOF", "min", {}],
      ["salesExport", "/api/sales/export.csv?to=2026-02-31", "to", {}],
      ["revenueExport", "/api/analytics/revenue/product/export.csv?currency=XOF&range=custom&from=abc&to=2026-01-31", "from", { table: "product" }],
      ["settlementExport", "/api/settlements/export.csv?currency=XOF&day=9999-99-99", "day", {}],
      ["timelineExport", "/api/settlements/timeline/export.csv?to=9999-99-99", "to", {}],
      ["leadsExport", "/api/recovery/export.csv?ids=s1&from=2026-13-45", "from", {}],
    ] as const)("%s %s → 400 on %s", async (route, url, field, params) => {
      await expectRefused(await get(routes[route].GET as Handler, url, params), field);
    });
  });

  describe("amounts in the filter currency's decimals", () => {
    // F CFA have no decimals, euros two: 1 and 2 F CFA, 1.49 and 1.50 €.
    beforeEach(async () => {
      await upsertSales(
        k(),
        [
          { id: "xof_1", currency: "XOF", originalMinor: 1 },
          { id: "xof_2", currency: "XOF", originalMinor: 2 },
          { id: "eur_149", currency: "EUR", originalMinor: 149 },
          { id: "eur_150", currency: "EUR", originalMinor: 150 },
        ].map((f, i) => saleDetail({ ...f, createdAt: `2026-03-0${i + 1}T10:00:00Z`, completedAt: `2026-03-0${i + 1}T10:01:00Z` })),
        { source: "detail", receivedAt: new Date().toISOString(), timeZone: "Africa/Abidjan" },
      );
    });
    const ids = async (res: Response) => {
      expect(res.status).toBe(200);
      return ((await res.json()) as { sales: { id: string }[] }).sales.map((s) => s.id).sort();
    };

    it("with a currency, more decimals than it has is a 400 naming min or max (was a MoneyError, 500)", async () => {
      await expectRefused(await get(routes.sales.GET as Handler, "/api/sales?min=1.5&currency=XOF"), "min");
      await expectRefused(await get(routes.sales.GET as Handler, "/api/sales?max=0.5&currency=XOF"), "max");
      await expectRefused(await get(routes.sales.GET as Handler, "/api/sales?min=1.555&currency=EUR"), "min");
      expect(await ids(await get(routes.sales.GET as Handler, "/api/sales?min=1.5&currency=EUR"))).toEqual(["eur_150"]);
    });

    it("without a currency, each sale is compared exactly in its own: min=1.5 keeps 2 F CFA and 1.50 €", async () => {
      expect(await ids(await get(routes.sales.GET as Handler, "/api/sales?min=1.5"))).toEqual(["eur_150", "xof_2"]);
      expect(await ids(await get(routes.sales.GET as Handler, "/api/sales?max=1.5"))).toEqual(["eur_149", "eur_150", "xof_1"]);
      await expectRefused(await get(routes.sales.GET as Handler, "/api/sales?min=3&max=2.5"), "min");
    });

    it("the export of min=1.5 (was 200 then a cut stream) is the whole CSV of the same sales", async () => {
      const res = await get(routes.salesExport.GET as Handler, "/api/sales/export.csv?min=1.5&preset=standard");
      expect(res.status).toBe(200);
      const text = new TextDecoder().decode(await res.arrayBuffer()).replace(/^\uFEFF/, "");
      const rows = parse(text, { delimiter: "," }) as string[][];
      expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(["eur_150", "xof_2"]);
    });
  });

  describe("saved views", () => {
    const save = (query: string) =>
      routes.views.POST(
        new NextRequest("http://dash.test/api/sales/views", { method: "POST", headers: { host: "dash.test", origin: "http://dash.test", "content-type": "application/json" }, body: JSON.stringify({ name: "v", query }) }),
        { params: Promise.resolve({}) },
      );

    it("a view storing a value the Sales API refuses is refused, naming it (was stored, then a 500 on opening)", async () => {
      await expectRefused(await save("min=1.5&currency=XOF"), "query.min");
      await expectRefused(await save("from=2026-02-31"), "query.from");
      await expectRefused(await save("sort=password_hash"), "query.sort");
      expect(await k().selectFrom("saved_views").select("id").execute()).toEqual([]);
      const ok = await save("min=1.50&currency=EUR&status=completed");
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { view: { query: string } }).view.query).toBe("status=completed&currency=EUR&min=1.50&sort=created_at&dir=desc&size=50");
    });
  });
});
