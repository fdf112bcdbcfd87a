// Issue 13, "every figure agrees": the whole app against the simulator, in each of Chariow's fee modes
// (service fee deducted from the settlement, as seed 001; or both fees) and both API dialects. The real
// sync engine fills the mirror (backfill, then the detail of every sale), then the HTTP routes behind the
// pages and exports answer: the Overview's net revenue, the Settlements totals, each paid sale's page and
// the Sales CSV `settlementNet` must all equal the simulator's ground truth (its own economics, never our
// code) per currency, to the minor unit. Net = Chariow's settlement amount, never paid − fees. The same
// runs alternate Chariow's two shapes of `payment.method` ({id, name} or a bare string): the CSV and each
// sale's page name the method the simulator's own detail payload gives (read with plain fetch), and the
// Revenue breakdown by method counts the same sales.
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { ChariowClient } from "@/lib/chariow";
import type { Member } from "@/lib/team";
import { createSyncEngine } from "@/lib/sync";
import { SALE_EXPORT_COLUMNS } from "@/lib/sales/export-sales";
import type { Dialect, GroundTruth, RunningSimulator } from "@/simulator/index";
import { makeMember } from "../../factories/team";
import { call, type RawJson } from "../simulator/helpers";
import { describeEachEngine } from "../db/engines";
import { startTestSimulator, testClient } from "../sync/harness";

// The route wrapper reads the validated environment (lib/env.ts): a test secret, as in production.
vi.stubEnv("AUTH_SECRET", "s".repeat(32));
const state = vi.hoisted(() => ({ db: null as unknown, member: null as unknown, client: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getSessionMember: async () => state.member }));
vi.mock("@/lib/i18n/request", () => ({ currentLocale: async () => "en" }));
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: async () => state.db }));
vi.mock("@/lib/store/chariow-connection", () => ({ getChariowClient: () => state.client }));
// next-intl's server entry needs a Next request: the same catalogues through its plain translator.
vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"));

const overviewRoute = await import("@/app/api/analytics/overview/route");
const settlementsRoute = await import("@/app/api/settlements/route");
const saleRoute = await import("@/app/api/sales/[id]/route");
const salesExportRoute = await import("@/app/api/sales/export.csv/route");
const revenueRoute = await import("@/app/api/analytics/revenue/route");

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function get(handler: unknown, path: string, params: Record<string, string> = {}): Promise<Response> {
  return (handler as Handler)(new NextRequest(`http://dash.test${path}`, { headers: { host: "dash.test" } }), { params: Promise.resolve(params) });
}
async function json<T>(handler: unknown, path: string, params: Record<string, string> = {}): Promise<T> {
  const res = await get(handler, path, params);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** Minor units of a CSV decimal ("79.20" in the standard preset), by the currency's exponent, written here. */
const EXPONENT: Record<string, number> = { XOF: 0, XAF: 0, EUR: 2, USD: 2 };
const minorOf = (cell: string, currency: string) => Math.round(Number(cell) * 10 ** EXPONENT[currency]!);

type Kpis = { currency: string; kpis: { netRevenue: number; netKnownCount: number; paidCount: number; paidRevenue: number } };
type Totals = { currency: string; gross: number; net: number; deducted: number; gatewayFee: number | null; serviceFee: number | null; effectiveFeeRate: number | null };
type SalePage = { sale: { id: string; status: string; payment: { method: string | null }; amounts: { paid: { minor: number; currency: string } | null; net: { minor: number; currency: string } | null; deducted: { minor: number } | null } } };

// Every fee mode in every dialect; each method shape in both dialects and both fee modes.
const CONFIGS: { dialect: Dialect; feesDeducted: "service" | "both"; paymentMethodAs: "object" | "string" }[] = [
  { dialect: "current", feesDeducted: "service", paymentMethodAs: "object" },
  { dialect: "current", feesDeducted: "both", paymentMethodAs: "string" },
  { dialect: "legacy", feesDeducted: "service", paymentMethodAs: "string" },
  { dialect: "legacy", feesDeducted: "both", paymentMethodAs: "object" },
];

describeEachEngine("net revenue agrees on every page, export and route", ({ db }) => {
  let sim: RunningSimulator | undefined;
  let owner: Member;
  beforeEach(async () => {
    state.db = db().db;
    owner = (await makeMember(db().db, "owner")).member;
    state.member = owner;
  });
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  async function syncEverything(client: ChariowClient, clock: Parameters<typeof createSyncEngine>[0]["clock"]) {
    const engine = createSyncEngine({ db: db().db, client, timeZone: "Africa/Abidjan", instanceId: "figures", clock, jobs: { reconciliation: false, licences: false } });
    for (let i = 0; i < 500; i++) {
      const report = await engine.tick();
      const missing = await db().db.selectFrom("sales").select((eb) => eb.fn.countAll<number>().as("n")).where("detail_at", "is", null).executeTakeFirstOrThrow();
      if (report.backfillDone && Number(missing.n) === 0) return;
    }
    throw new Error("the sync did not read every sale in detail");
  }

  for (const cfg of CONFIGS) {
    it(`${cfg.dialect} dialect, Chariow deducts ${cfg.feesDeducted === "both" ? "both fees" : "its service fee only"}, payment.method as ${cfg.paymentMethodAs === "string" ? "a bare string" : "{id, name}"}`, async () => {
      const started = await startTestSimulator({ dialect: cfg.dialect, feesDeducted: cfg.feesDeducted, sales: 250 });
      sim = started.sim;
      sim.setPaymentMethodAs(cfg.paymentMethodAs);
      const client = testClient(sim, started.clock, { assumedLimit: 100_000 });
      state.client = client;
      await syncEverything(client, started.clock);
      const truth: GroundTruth = sim.truth();
      const currencies = Object.keys(truth.byCurrency).sort();
      expect(currencies.length).toBeGreaterThan(1);
      // The mode really changes the figures: with both fees deducted, net + gateway fees = paid − service fees.
      for (const c of currencies) {
        const t = truth.byCurrency[c as keyof GroundTruth["byCurrency"]]!;
        expect(t.netSettlement).toBe(t.paidRevenue - t.serviceFees - (cfg.feesDeducted === "both" ? t.gatewayFees : 0));
      }

      // Overview (GET /api/analytics/overview): net revenue per currency, every paid sale covered.
      const overview = await json<{ byCurrency: Kpis[] }>(overviewRoute.GET, "/api/analytics/overview?range=all&compare=none");
      const netOnOverview = Object.fromEntries(overview.byCurrency.map((c) => [c.currency, [c.kpis.netRevenue, c.kpis.netKnownCount]]));
      expect(netOnOverview).toEqual(Object.fromEntries(currencies.map((c) => [c, [truth.byCurrency[c as "XOF"]!.netSettlement, truth.byCurrency[c as "XOF"]!.paidCount]])));

      // Settlements (GET /api/settlements) over every due day: net, what Chariow kept and the rate.
      const settlements = await json<{ totals: Totals[]; unknown: unknown[] }>(settlementsRoute.GET, "/api/settlements?from=2020-01-01&to=2030-12-31");
      expect(settlements.unknown).toEqual([]);
      for (const c of currencies) {
        const t = truth.byCurrency[c as "XOF"]!;
        const total = settlements.totals.find((x) => x.currency === c)!;
        expect({ c, gross: total.gross, net: total.net, deducted: total.deducted, gatewayFee: total.gatewayFee, serviceFee: total.serviceFee }).toEqual({
          c, gross: t.paidRevenue, net: t.netSettlement, deducted: t.paidRevenue - t.netSettlement, gatewayFee: t.gatewayFees, serviceFee: t.serviceFees,
        });
        expect(total.effectiveFeeRate).toBeCloseTo((t.paidRevenue - t.netSettlement) / t.paidRevenue, 12);
      }

      // The Sales CSV (GET /api/sales/export.csv, standard preset): settlementNet per currency.
      const res = await get(salesExportRoute.GET, "/api/sales/export.csv?preset=standard");
      expect(res.status).toBe(200);
      const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { delimiter: "," }) as string[][];
      const col = (name: (typeof SALE_EXPORT_COLUMNS)[number]) => SALE_EXPORT_COLUMNS.indexOf(name);
      expect(rows.length - 1).toBe(truth.totalSales);
      const csvNet: Record<string, number> = {};
      const csvNetById = new Map<string, number>();
      const csvMethodById = new Map(rows.slice(1).map((r) => [r[col("id")]!, r[col("paymentMethod")]!]));
      for (const r of rows.slice(1)) {
        if (r[col("status")] !== "completed" && r[col("status")] !== "settled") continue;
        const currency = r[col("settlementCurrency")]!;
        const net = minorOf(r[col("settlementNet")]!, currency);
        csvNet[currency] = (csvNet[currency] ?? 0) + net;
        csvNetById.set(r[col("id")]!, net);
      }
      expect(csvNet).toEqual(Object.fromEntries(currencies.map((c) => [c, truth.byCurrency[c as "XOF"]!.netSettlement])));

      // Each paid sale's page (GET /api/sales/{id}, live from the simulator): its net adds up to the truth,
      // equals the CSV's for that sale, and what Chariow kept is paid − net.
      const pageNet: Record<string, number> = {};
      for (const [id, net] of csvNetById) {
        const page = await json<SalePage>(saleRoute.GET, `/api/sales/${id}`, { id });
        const { paid, net: shown, deducted } = page.sale.amounts;
        expect(shown?.minor, id).toBe(net);
        expect(page.sale.payment.method, id).toBe(csvMethodById.get(id));
        expect(deducted?.minor, id).toBe(paid!.minor - net);
        pageNet[shown!.currency] = (pageNet[shown!.currency] ?? 0) + shown!.minor;
      }
      expect(pageNet).toEqual(Object.fromEntries(currencies.map((c) => [c, truth.byCurrency[c as "XOF"]!.netSettlement])));

      // Payment method: the CSV names, for every sale, what the simulator's own detail says — its name, or
      // the bare string — and the Revenue breakdown counts each method's sales as those payloads do.
      const methodKeys: Record<string, Record<string, number>> = {};
      for (const [id, shown] of csvMethodById) {
        const detail = (await call(sim, `/sales/${id}`)).json.data as RawJson;
        const method = detail.payment.method as string | { id: string; name: string };
        expect(typeof method).toBe(cfg.paymentMethodAs);
        expect(shown, id).toBe(typeof method === "string" ? method : method.name);
        const currency = detail.amount.currency as string;
        const key = typeof method === "string" ? method : method.id;
        (methodKeys[currency] ??= {})[key] = ((methodKeys[currency] ??= {})[key] ?? 0) + 1;
      }
      for (const c of currencies) {
        const revenue = await json<{ breakdowns: { dimension: string; rows: { key: string; attempts: number }[] }[] }>(revenueRoute.GET, `/api/analytics/revenue?range=all&compare=none&currency=${c}`);
        const byMethod = revenue.breakdowns.find((b) => b.dimension === "payment_method")!;
        expect(Object.fromEntries(byMethod.rows.map((r) => [r.key, r.attempts]))).toEqual(methodKeys[c]);
      }
    });
  }
});
