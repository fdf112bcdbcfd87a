// The exchange rate end to end in the legacy dialect, where the simulator sends it like every legacy
// amount, in minor units (`{amount: 100, currency: "USD", formatted: "$1.00"}`, chariow-api.md §4): the
// sale detail (live, then from the mirror) and the Sales CSV show the rate the formatted string says —
// read here from the simulator's own payload — not the minor-unit count.
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, type ChariowClient } from "@/lib/chariow";
import { getSaleDetail } from "@/lib/sales";
import { exportSalesCsv, SALE_EXPORT_COLUMNS, type SaleExportColumn } from "@/lib/sales/export-sales";
import { salesViewSchema } from "@/lib/sales/schemas";
import { describeEachEngine } from "../db/engines";
import { call, listOf, type RawJson } from "../simulator/helpers";

const NOW = new Date("2026-06-01T00:00:00Z");
const TZ = "UTC";
const LABELS = Object.fromEntries(SALE_EXPORT_COLUMNS.map((c) => [c, `col:${c}`])) as Record<SaleExportColumn, string>;

let sim: RunningSimulator;
let client: ChariowClient;
/** One sale detail per currency, as the simulator serves it. */
let samples: RawJson[];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5, dialect: "legacy", rateLimit: 0, sales: 300, now: NOW });
  const clock = createVirtualClock();
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) });
  client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock });
  const byCurrency = new Map<string, string>();
  for (const s of listOf((await call(sim, "/sales?per_page=100")).json).items) byCurrency.set(s.amount.currency, byCurrency.get(s.amount.currency) ?? s.id);
  samples = await Promise.all([...byCurrency.values()].map(async (id) => (await call(sim, `/sales/${id}`)).json.data));
});
afterAll(async () => sim?.close());

/** The rate the formatted string shows ("$1.00" → 1, "F CFA 1" → 1), independent of our parsing. */
const shownRate = (formatted: string) => Number(formatted.replace(/[^\d.]/g, ""));

describeEachEngine("legacy exchange rate", ({ engine, db }) => {
  it("the sale detail and the CSV read the rate the payload means, in a two- and a zero-decimal currency", async () => {
    const currencies = samples.map((d) => d.amount.currency);
    expect(currencies).toEqual(expect.arrayContaining(["XOF", "USD"]));
    // The simulator really sends minor units: USD's rate of 1 is 100 cents.
    const usd = samples.find((d) => d.amount.currency === "USD")!;
    expect(usd.payment.exchange_rate).toEqual({ amount: 100, currency: "USD", formatted: "$1.00" });

    for (const d of samples) {
      const expected = shownRate(d.payment.exchange_rate.formatted);
      const live = await getSaleDetail(db().db, d.id, { client, timeZone: TZ, now: () => NOW });
      expect(live?.source).toBe("live");
      expect(live?.sale.payment.exchangeRate, d.amount.currency).toBe(expected);
      const mirrored = await getSaleDetail(db().db, d.id, { client: null, timeZone: TZ });
      expect(mirrored?.source).toBe("mirror");
      expect(mirrored?.sale.payment.exchangeRate, d.amount.currency).toBe(expected);
    }

    const res = exportSalesCsv(db().db, { filters: salesViewSchema.parse({}), preset: "standard", timeZone: TZ, labels: LABELS, actor: null }, { engine, timeZone: TZ });
    const records = parse(Buffer.from(await res.arrayBuffer()).toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(samples.length);
    for (const r of records) {
      const d = samples.find((s) => s.id === r["col:id"])!;
      expect(Number(r["col:exchangeRate"]), r["col:currency"]).toBe(shownRate(d.payment.exchange_rate.formatted));
    }
  });
});
