// The seeds' code examples (pagination loop, revenue report, shipping, failed payments, discount
// analysis, AffiliateManager) run unchanged against the simulator in the legacy dialect they were written for.
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/index";

const dir = path.join(__dirname, "seed-examples");
const SEED_KEY = "sk_live_your_api_key";
const CHARIOW_ORIGIN = "https://api.chariow.com";

type Logged = unknown[];

// Runs one example as a merchant would paste it into an async script. Returns what it logged and the
// top-level variables it declared (so the test can compare them with the simulator's ground truth).
async function runExample(file: string, origin: string, names: string[]) {
  let placeholder = 0;
  const code = readFileSync(path.join(dir, file), "utf8").replace(
    /\[email(?:&#160;|\u00a0| )protected\]/g,
    () => `partenaire${++placeholder}@exemple-boutique.com`,
  );
  const logs: Logged[] = [];
  const requests: string[] = [];
  const context = vm.createContext({
    fetch: (url: string | URL, init?: RequestInit) => {
      const target = String(url).replace(CHARIOW_ORIGIN, origin);
      requests.push(target);
      return fetch(target, init);
    },
    console: { log: (...args: unknown[]) => logs.push(args), error: (...args: unknown[]) => logs.push(args) },
  });
  const collect = names.map((n) => `${n}: typeof ${n} === "undefined" ? undefined : ${n}`).join(", ");
  const wrapped = `(async () => {\n${code}\n;return { ${collect} };\n})()`;
  const vars = (await vm.runInContext(wrapped, context)) as Record<string, unknown>;
  return { logs, vars, requests };
}

async function getJson(sim: RunningSimulator, pathAndQuery: string) {
  const res = await fetch(`${sim.origin}${pathAndQuery}`, { headers: { Authorization: `Bearer ${SEED_KEY}` } });
  expect(res.status).toBe(200);
  return res.json() as Promise<{ data: Array<Record<string, any>> }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw legacy payload
}

describe("the seeds' code examples, unchanged, against the legacy simulator", () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      seed: 7,
      dialect: "legacy",
      rateLimit: 0,
      sales: 600,
      // History from mid-2024 so the examples' January 2025 ranges hold sales.
      now: new Date("2025-12-01T00:00:00Z"),
      apiKey: SEED_KEY,
    });
  });
  afterAll(async () => sim?.close());

  it("the pagination loop collects every sale exactly once", async () => {
    const { vars } = await runExample("pagination-loop.js", sim.origin, ["allSales"]);
    const allSales = vars.allSales as Array<{ id: string }>;
    expect(allSales.length).toBe(sim.truth().totalSales);
    expect(new Set(allSales.map((s) => s.id)).size).toBe(allSales.length);
  });

  it("the revenue report sums the first page of January's completed sales in minor units", async () => {
    const { logs, vars } = await runExample("revenue-report.js", sim.origin, ["totalRevenue"]);
    const page = await getJson(sim, "/v1/sales?status=completed&start_date=2025-01-01&end_date=2025-01-31");
    expect(page.data.length).toBeGreaterThan(0);
    const expected = page.data.reduce((sum, s) => sum + s.amount.amount, 0);
    expect(vars.totalRevenue).toBe(expected);
    expect(Number.isInteger(vars.totalRevenue)).toBe(true);
    expect(logs).toEqual([[`Total revenue: ${expected / 100}`]]);
  });

  it("the shipping example lists completed sales that carry an address", async () => {
    const { vars } = await runExample("orders-to-ship.js", sim.origin, ["ordersToShip"]);
    const orders = vars.ordersToShip as Array<{ status: string; shipping: { address: string } }>;
    for (const o of orders) {
      expect(o.status).toBe("completed");
      expect(o.shipping.address).toBeTruthy();
    }
  });

  it("the failed-payments example reads failure_error messages", async () => {
    const { logs } = await runExample("failed-payments.js", sim.origin, []);
    expect(logs.length).toBeGreaterThan(0);
    for (const [line] of logs) expect(String(line)).toMatch(/^Failed sale \S+: .+/);
  });

  it("the discount analysis groups uses, revenue and discount given by code", async () => {
    const { vars } = await runExample("discount-analysis.js", sim.origin, ["discountStats"]);
    const stats = vars.discountStats as Record<string, { uses: number; revenue: number; discountGiven: number }>;
    const codes = Object.keys(stats);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(stats[code].uses).toBeGreaterThan(0);
      expect(stats[code].discountGiven).toBeGreaterThan(0);
    }
  });

  it("AffiliateManager validates JOHN25 and sends invitations", async () => {
    const { logs, vars } = await runExample("affiliate-manager.js", sim.origin, ["valid", "affiliate", "result"]);
    expect(vars.valid).toBe(true);
    const affiliate = vars.affiliate as { code: string; commission_rate: number; name: string };
    expect(affiliate.code).toBe("JOHN25");
    const result = vars.result as { data: { invitations: Array<{ email: string; status: string }> } };
    expect(result.data.invitations.map((i) => i.status)).toEqual(["pending", "pending"]);
    expect(logs).toContainEqual([`Application de ${affiliate.commission_rate}% de commission pour ${affiliate.name}`]);
    expect(logs).toContainEqual(["2 invitations envoyees"]);
  });
});
