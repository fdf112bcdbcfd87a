// The Revenue report answers the currency it is asked for, even one without a sale in the range: that
// currency with empty figures and `hasSales: false` (the page says "No sales in EUR in this period"),
// never another currency's figures under its name; with no currency asked, the range's main currency.
// Checked in the service and through GET /api/analytics/revenue on both engines, against hand-made sales.
import { NextRequest } from "next/server";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import type { Member } from "@/lib/team";
import { upsertSales } from "@/lib/mirror";
import { getRevenueReport } from "@/lib/analytics/revenue";
import type { RevenueReport } from "@/lib/analytics/schemas";
import { saleSummary } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));

const revenueRoute = await import("@/app/api/analytics/revenue/route");

const TZ = "Europe/Paris";
const ctx = { timeZone: TZ, now: new Date("2026-04-02T12:00:00Z") };
const march = { range: "custom" as const, from: "2026-03-01", to: "2026-03-31", compare: "none" as const };

async function getJson(path: string): Promise<{ status: number; body: RevenueReport }> {
  const res = await revenueRoute.GET(new NextRequest(`http://dash.test${path}`, { headers: { host: "dash.test" } }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as RevenueReport };
}

describeEachEngine("Revenue: the currency asked is the currency answered", ({ db }) => {
  const k = () => db().db as Kysely<Database>;
  let marketing: Member;

  beforeEach(async () => {
    state.db = k();
    marketing = (await makeMember(k(), "marketing")).member;
    state.member = marketing;
    await k().insertInto("app_settings").values({ key: "store_timezone", value: TZ, updated_at: new Date().toISOString() }).execute();
    // March sells in XOF only (two paid, one failed); EUR sold in February, outside the range.
    await upsertSales(k(), [
      saleSummary({ id: "x1", currency: "XOF", originalMinor: 4900, createdAt: "2026-03-10T10:00:00Z", completedAt: "2026-03-10T10:01:00Z", productId: "p1", customerId: "c1" }),
      saleSummary({ id: "x2", currency: "XOF", originalMinor: 15000, createdAt: "2026-03-12T10:00:00Z", completedAt: "2026-03-12T10:01:00Z", productId: "p2", customerId: "c2" }),
      saleSummary({ id: "x3", currency: "XOF", status: "failed", originalMinor: 2500, createdAt: "2026-03-13T10:00:00Z", failedAt: "2026-03-13T10:01:00Z", productId: "p1", customerId: "c3" }),
      saleSummary({ id: "e1", currency: "EUR", originalMinor: 7920, createdAt: "2026-02-10T10:00:00Z", completedAt: "2026-02-10T10:01:00Z", productId: "p1", customerId: "c4" }),
    ], { source: "list", receivedAt: ctx.now.toISOString(), timeZone: TZ });
  });

  /** Every figure of a report that is empty: no row in any breakdown, no paid sale, no revenue. */
  function expectEmptyFigures(report: RevenueReport) {
    for (const b of report.breakdowns) {
      expect(b.currency).toBe(report.currency);
      expect(b.rows).toEqual([]);
      expect([b.paidCount, b.knownPaidCount]).toEqual([0, 0]);
    }
    expect(report.customers.map((c) => [c.kind, c.customers, c.paidCount, c.revenue])).toEqual([["new", 0, 0, 0], ["returning", 0, 0, 0]]);
    expect(report.unknownCustomerSales).toBe(0);
  }

  it("a currency without sales in the range: that currency, empty and said so; the switch offers the ones with sales", async () => {
    const report = await getRevenueReport(k(), { ...march, currency: "EUR" }, ctx);
    expect(report).toMatchObject({ currency: "EUR", hasSales: false, currencies: ["XOF"] });
    expect(report.breakdowns).toHaveLength(7);
    expectEmptyFigures(report);
  });

  it("no currency asked: the range's main currency with its figures; asked and sold: that one", async () => {
    for (const currency of [undefined, "XOF"]) {
      const report = await getRevenueReport(k(), { ...march, currency }, ctx);
      expect(report).toMatchObject({ currency: "XOF", hasSales: true, currencies: ["XOF"] });
      // Paid XOF in March: x1 4 900 (p1) and x2 15 000 (p2); the failed x3 is an attempt of p1.
      const product = report.breakdowns.find((b) => b.dimension === "product")!;
      expect(product.rows.map((r) => [r.key, r.paidCount, r.revenue, r.attempts])).toEqual([["p2", 1, 15000, 1], ["p1", 1, 4900, 2]]);
    }
    const february = await getRevenueReport(k(), { range: "custom", from: "2026-02-01", to: "2026-02-28", compare: "none", currency: "EUR" }, ctx);
    expect(february).toMatchObject({ currency: "EUR", hasSales: true, currencies: ["EUR"] });
    expect(february.breakdowns.find((b) => b.dimension === "product")!.rows.map((r) => [r.key, r.revenue])).toEqual([["p1", 7920]]);
  });

  it("GET /api/analytics/revenue?currency=EUR answers EUR with hasSales false, not XOF's figures", async () => {
    const asked = await getJson("/api/analytics/revenue?range=custom&from=2026-03-01&to=2026-03-31&currency=EUR");
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ currency: "EUR", hasSales: false, currencies: ["XOF"] });
    expectEmptyFigures(asked.body);
    const main = await getJson("/api/analytics/revenue?range=custom&from=2026-03-01&to=2026-03-31");
    expect(main.body).toMatchObject({ currency: "XOF", hasSales: true, currencies: ["XOF"] });
    expect(main.body.customers.map((c) => [c.kind, c.paidCount, c.revenue])).toEqual([["new", 2, 19900], ["returning", 0, 0]]);
  });
});
