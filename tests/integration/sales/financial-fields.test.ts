// Financial fields follow settlements:read (issue 14 #8), through the real routes on both engines: the
// Sales totals' money per currency, the Sales CSV's fee / net / payout columns and Recovery's sums of
// money are for owners, admins and marketing; support keeps the counts and each sale's own amounts.
// Amounts are written out by hand.
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import type { Kysely } from "kysely";
import { beforeEach, expect, it, vi } from "vitest";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { SALE_EXPORT_COLUMNS, exportSalesCsv } from "@/lib/sales";
import { salesViewSchema } from "@/lib/sales/schemas";
import type { Member } from "@/lib/team";
import { saleDetail } from "../../factories/sales";
import { makeMember } from "../../factories/team";
import { describeEachEngine } from "../db/engines";

const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => "en" }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
// next-intl's server entry needs a Next request: the same catalogues through its plain translator.
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));

const salesRoute = await import("@/app/api/sales/route");
const salesExport = await import("@/app/api/sales/export.csv/route");
const leadsRoute = await import("@/app/api/recovery/leads/route");

const ZONE = "Africa/Abidjan";
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const get = (handler: unknown, path: string) => (handler as Handler)(new NextRequest(`http://dash.test${path}`, { headers: { host: "dash.test" } }), { params: Promise.resolve({}) });

const FINANCIAL = ["gatewayFee", "serviceFee", "settlementNet", "settlementCurrency", "settlementDueAt", "settlementDoneAt"];

describeEachEngine("financial fields by role (routes)", ({ db, engine }) => {
  const k = () => db().db as Kysely<Database>;
  const members: Partial<Record<Role, Member>> = {};

  beforeEach(async () => {
    state.db = k();
    for (const role of ROLES) members[role] = (await makeMember(k(), role)).member;
    await k().insertInto("app_settings").values({ key: "store_timezone", value: ZONE, updated_at: new Date().toISOString() }).execute();
    // XOF: 10 000 settled (fees 300 + 500, net 9 200) and 4 900 completed; a 2 500 failed sale (a lead);
    // EUR: 1 999 completed.
    const sales = [
      saleDetail({ id: "sal_1", status: "settled", originalMinor: 10_000, gatewayFeeMinor: 300, serviceFeeMinor: 500, settlementNetMinor: 9_200, settlementDueAt: "2025-03-17T00:00:00.000Z", settlementDoneAt: "2025-03-18T09:00:00.000Z" }),
      saleDetail({ id: "sal_2", status: "completed", originalMinor: 4_900 }),
      saleDetail({ id: "sal_3", status: "failed", originalMinor: 2_500, customerId: "cus_2", email: "kofi@example.com" }),
      saleDetail({ id: "sal_4", status: "completed", originalMinor: 1_999, currency: "EUR" }),
    ];
    await upsertSales(k(), sales, { source: "detail", receivedAt: "2025-03-20T00:00:00.000Z", timeZone: ZONE });
  });

  it("Sales totals: every role gets the counts; only roles with settlements:read get the money per currency", async () => {
    for (const role of ROLES) {
      state.member = members[role];
      const res = await get(salesRoute.GET, "/api/sales");
      expect(res.status).toBe(200);
      const { totals } = (await res.json()) as { totals: { count: number; byCurrency: Array<Record<string, unknown>> } };
      expect(totals.count).toBe(4);
      const counts = totals.byCurrency.map(({ currency, count, paidCount }) => ({ currency, count, paidCount }));
      expect(counts).toEqual([
        { currency: "XOF", count: 3, paidCount: 2 },
        { currency: "EUR", count: 1, paidCount: 1 },
      ]);
      if (role === "support") {
        for (const c of totals.byCurrency) expect(Object.keys(c).sort(), role).toEqual(["count", "currency", "paidCount"]);
      } else {
        expect(totals.byCurrency[0]).toMatchObject({ paid: { minor: 14_900, currency: "XOF" }, original: { minor: 14_900, currency: "XOF" } });
        expect(totals.byCurrency[1]).toMatchObject({ paid: { minor: 1_999, currency: "EUR" } });
      }
    }
  });

  it("Sales CSV: fee, net and payout columns only for an actor with settlements:read; the paid amount for every actor", async () => {
    const labels = Object.fromEntries(SALE_EXPORT_COLUMNS.map((c) => [c, c])) as Record<(typeof SALE_EXPORT_COLUMNS)[number], string>;
    const csvAs = async (role: Role) => {
      const m = members[role]!;
      const res = exportSalesCsv(k(), { filters: salesViewSchema.parse({}), preset: "standard", timeZone: "UTC", labels, actor: { id: m.id, email: m.email, role } }, { engine, timeZone: ZONE });
      const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { delimiter: "," }) as string[][];
      const [header, ...body] = rows;
      return body.map((r) => Object.fromEntries(header.map((h, i) => [h.replace(/ \(.*\)$/, ""), r[i]])));
    };
    const support = await csvAs("support");
    expect(Object.keys(support[0]).filter((c) => FINANCIAL.includes(c))).toEqual([]);
    expect(Object.keys(support[0])).toHaveLength(SALE_EXPORT_COLUMNS.length - FINANCIAL.length);
    // XOF has no decimals: 10 000 francs are written 10000.
    expect(support.find((r) => r.id === "sal_1")).toMatchObject({ amount: "10000", originalAmount: "10000", currency: "XOF", status: "settled" });
    const marketing = await csvAs("marketing");
    const settled = marketing.find((r) => r.id === "sal_1")!;
    expect(settled).toMatchObject({ amount: "10000", gatewayFee: "300", serviceFee: "500", settlementNet: "9200", settlementCurrency: "XOF", settlementDueAt: "2025-03-17T00:00:00.000Z", settlementDoneAt: "2025-03-18T09:00:00.000Z" });
    // Through the route, marketing gets the columns (support is refused the export altogether).
    state.member = members.marketing;
    const viaRoute = await get(salesExport.GET, "/api/sales/export.csv?preset=standard");
    expect(viaRoute.status).toBe(200);
    const header = (await viaRoute.text()).split("\n")[0];
    expect(header).toContain("Gateway fee");
    expect(header).toContain("Net paid out");
  });

  it("Recovery: value at risk and recovered only with settlements:read; the leads and their own amounts for every role", async () => {
    for (const role of ROLES) {
      state.member = members[role];
      const res = await get(leadsRoute.GET, "/api/recovery/leads?from=2025-03-01&to=2025-03-31&include=all");
      expect(res.status).toBe(200);
      const body = (await res.json()) as { leads: Array<{ saleId: string; amount: number | null }>; stats: { byCurrency: Array<Record<string, unknown>> } };
      expect(body.leads.map((l) => [l.saleId, l.amount])).toEqual([["sal_3", 2_500]]);
      const [xof] = body.stats.byCurrency;
      expect(xof).toMatchObject({ currency: "XOF", leads: 1, recoveredLeads: 0, recoveryRate: 0 });
      if (role === "support") expect(Object.keys(xof).sort(), role).toEqual(["currency", "leads", "recoveredLeads", "recoveryRate"]);
      else expect(xof).toMatchObject({ atRiskValue: 2_500, recoveredValue: 0 });
    }
  });
});
