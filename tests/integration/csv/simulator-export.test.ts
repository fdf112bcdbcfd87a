// Exports every sale of the simulator's store and compares the CSV row by row with what the simulator
// itself serves (read here with plain fetch, not our client) and with its ground truth per currency:
// every sale exactly once, amounts exact to the minor unit, and an audit entry with the row count.
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, paginatePages } from "@/lib/chariow";
import { listAudit } from "@/lib/audit";
import { upsertMirrorPage } from "./ingest";
import { exportSalesCsv, SALE_EXPORT_COLUMNS, type SaleExportColumn } from "@/lib/sales/export-sales";
import { salesViewSchema } from "@/lib/sales/schemas";
import { describeEachEngine } from "../db/engines";
import { call, listOf, type RawJson } from "../simulator/helpers";

const NOW = new Date("2026-06-01T00:00:00Z");
const TZ = "Africa/Abidjan";
const EXPONENT: Record<string, number> = { XOF: 0, XAF: 0, EUR: 2, USD: 2, GBP: 2 };
const LABELS = Object.fromEntries(SALE_EXPORT_COLUMNS.map((c) => [c, `col:${c}`])) as Record<SaleExportColumn, string>;

let sim: RunningSimulator;
let rawSales: RawJson[];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, dialect: "current", rateLimit: 0, sales: 700, now: NOW });
  rawSales = [];
  let cursor: string | null = null;
  for (;;) {
    const res = await call(sim, `/sales?per_page=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    const { items, pagination } = listOf(res.json);
    rawSales.push(...items);
    if (!pagination.has_more || !pagination.next_cursor) break;
    cursor = pagination.next_cursor;
  }
});
afterAll(async () => sim?.close());

/** A major-unit number from the API → minor units, by the currency's exponent (independent of lib/money). */
function minorOf(value: string | number, currency: string): number {
  return Math.round(Number(value) * 10 ** EXPONENT[currency]);
}

describeEachEngine("CSV export of the simulator store", ({ engine, db }) => {
  it("has every sale once with exact amounts, and the audit log says how many rows", async () => {
    const clock = createVirtualClock();
    const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) });
    const client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock });
    for await (const page of paginatePages(client.listSales, { per_page: 100 }, { priority: "background" })) {
      await upsertMirrorPage(db().db, page.items, NOW, TZ);
    }

    const truth = sim.truth();
    expect(rawSales).toHaveLength(truth.totalSales);
    const actor = { id: "u_1", email: "owner@example.com", role: "owner" as const };
    const res = exportSalesCsv(db().db, { filters: salesViewSchema.parse({}), preset: "standard", timeZone: TZ, labels: LABELS, actor }, { engine, timeZone: TZ });
    const text = Buffer.from(await res.arrayBuffer()).toString("utf8");
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];

    expect(records).toHaveLength(truth.totalSales);
    const byId = new Map(records.map((r) => [r["col:id"], r]));
    expect(byId.size).toBe(truth.totalSales);
    for (const raw of rawSales) {
      const row = byId.get(raw.id);
      expect(row, raw.id).toBeDefined();
      expect(row!["col:status"]).toBe(raw.status);
      expect(row!["col:currency"]).toBe(raw.amount.currency);
      expect(minorOf(row!["col:amount"], raw.amount.currency)).toBe(minorOf(raw.amount.value, raw.amount.currency));
      expect(minorOf(row!["col:originalAmount"], raw.amount.currency)).toBe(minorOf(raw.original_amount.value, raw.amount.currency));
      expect(row!["col:customerEmail"]).toBe(String(raw.customer.email).toLowerCase());
      // Dates come back to the same instant (ISO 8601 with the zone's offset).
      if (raw.created_at) expect(Date.parse(row!["col:createdAt (Africa/Abidjan)"])).toBe(Date.parse(raw.created_at));
    }

    // Per currency, the paid revenue of the file is the simulator's ground truth to the minor unit.
    const paid = new Map<string, number>();
    for (const r of records) {
      if (r["col:status"] !== "completed" && r["col:status"] !== "settled") continue;
      paid.set(r["col:currency"], (paid.get(r["col:currency"]) ?? 0) + minorOf(r["col:amount"], r["col:currency"]));
    }
    for (const [currency, t] of Object.entries(truth.byCurrency)) expect(paid.get(currency) ?? 0, currency).toBe(t.paidRevenue);

    const [entry] = await listAudit(db().db, { action: "sales.export" });
    expect(entry.actorEmail).toBe("owner@example.com");
    expect(entry.details).toMatchObject({ rows: truth.totalSales, completed: true, preset: "standard", filters: {} });
  });

  it("exports only the filter, in the French preset, and records the filter", async () => {
    const clock = createVirtualClock();
    const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) });
    const client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock });
    for await (const page of paginatePages(client.listSales, { per_page: 100 }, { priority: "background" })) await upsertMirrorPage(db().db, page.items, NOW, TZ);
    const expected = rawSales.filter((s) => s.status === "failed" && s.amount.currency === "EUR");
    const filters = salesViewSchema.parse({ status: "failed", currency: "EUR" });
    const res = exportSalesCsv(db().db, { filters, preset: "excel-fr", timeZone: TZ, labels: LABELS, actor: null }, { engine, timeZone: TZ });
    const records = parse(Buffer.from(await res.arrayBuffer()).toString("utf8"), { bom: true, columns: true, delimiter: ";" }) as Record<string, string>[];
    expect(records.map((r) => r["col:id"]).sort()).toEqual(expected.map((s) => s.id).sort());
    for (const r of records) expect(r["col:amount"]).toMatch(/^\d+,\d{2}$/);
    const [entry] = await listAudit(db().db, { action: "sales.export" });
    expect(entry.details).toMatchObject({ rows: expected.length, filters: { status: ["failed"], currency: "EUR" } });
  });
});
