// Chariow may send `payment.method` as a bare string instead of `{id, name}` (chariow-api.md §5). With the
// simulator sending the method id as a string, every reader of the mirror — the Sales table (rows and
// sort), its CSV, the sale detail, the recovery worklist and its per-method stats, the Revenue breakdown —
// shows the method of every sale, and the per-method counts equal the count made here from the
// simulator's own detail payloads (read with plain fetch, not our client).
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { parse } from "csv-parse/sync";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, paginatePages, type ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { getRevenueReport } from "@/lib/analytics/revenue";
import { listLeads, recoveryStats } from "@/lib/recovery";
import { getSaleDetail, listSales } from "@/lib/sales";
import { exportSalesCsv, SALE_EXPORT_COLUMNS, type SaleExportColumn } from "@/lib/sales/export-sales";
import { salesViewSchema, type SalesView } from "@/lib/sales/schemas";
import type { SalesQueryContext } from "@/lib/sales/sales-query";
import { describeEachEngine } from "../db/engines";
import { call, listOf, type RawJson } from "../simulator/helpers";

const NOW = new Date("2026-06-01T10:00:00Z");
const TZ = "Africa/Abidjan";
const LABELS = Object.fromEntries(SALE_EXPORT_COLUMNS.map((c) => [c, `col:${c}`])) as Record<SaleExportColumn, string>;
const EVERY_DAY = { from: "2000-01-01", to: "2100-12-31" };

let sim: RunningSimulator;
let client: ChariowClient;
/** Each sale's detail as the simulator serves it. */
let details: RawJson[];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 13, dialect: "current", paymentMethodAs: "string", rateLimit: 0, sales: 400, now: NOW });
  const clock = createVirtualClock();
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) });
  client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock });
  const ids: string[] = [];
  for (let cursor: string | null = null; ; ) {
    const { items, pagination } = listOf((await call(sim, `/sales?per_page=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)).json);
    ids.push(...items.map((s: RawJson) => s.id as string));
    if (!pagination.has_more || !pagination.next_cursor) break;
    cursor = pagination.next_cursor;
  }
  details = await Promise.all(ids.map(async (id) => (await call(sim, `/sales/${id}`)).json.data));
});
afterAll(async () => sim?.close());

/** The method each sale's detail names (a bare string here), by sale id. */
function methodById(): Map<string, string> {
  return new Map(details.map((d) => [d.id as string, d.payment.method as string]));
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

async function syncListThenDetails(db: Kysely<Database>): Promise<void> {
  const ids: string[] = [];
  for await (const page of paginatePages(client.listSales, { per_page: 100 }, { priority: "background" })) {
    await upsertSales(db, page.items, { source: "list", receivedAt: NOW.toISOString(), timeZone: TZ });
    ids.push(...page.items.map((s) => s.id));
  }
  for (let i = 0; i < ids.length; i += 100) {
    const batch = await Promise.all(ids.slice(i, i + 100).map((id) => client.getSale(id, { priority: "background" })));
    await upsertSales(db, batch, { source: "detail", receivedAt: NOW.toISOString(), timeZone: TZ });
  }
}

describeEachEngine("payment method sent as a plain string", ({ engine, db }) => {
  it("every reader shows each sale's method, and the per-method counts equal the simulator's", async () => {
    const methods = methodById();
    // The option works: every detail carries the method as a bare, non-empty string.
    expect(details.length).toBe(sim.truth().totalSales);
    for (const d of details) expect(typeof d.payment.method === "string" && d.payment.method !== "", d.id).toBe(true);
    const expectedCounts = countBy(details, (d) => d.payment.method);
    expect(Object.keys(expectedCounts).length).toBeGreaterThan(2);

    await syncListThenDetails(db().db);
    const ctx: SalesQueryContext = { engine, timeZone: TZ };

    // Sales table: every row shows its method, and the counts per method are the simulator's.
    const rows = [];
    for (let page = 1; ; page++) {
      const view: SalesView = salesViewSchema.parse({ page, size: 200 });
      const result = await listSales(db().db, view, ctx);
      rows.push(...result.sales);
      if (!result.hasMore) break;
    }
    expect(rows).toHaveLength(details.length);
    for (const r of rows) expect(r.paymentMethod, r.id).toBe(methods.get(r.id));
    expect(countBy(rows, (r) => r.paymentMethod ?? "unknown")).toEqual(expectedCounts);

    // Sorted by method: the table walks the methods in order (every sale has one, none sorts last as unknown).
    const sorted = [];
    for (let page = 1; ; page++) {
      const result = await listSales(db().db, salesViewSchema.parse({ sort: "payment_method", dir: "asc", page, size: 200 }), ctx);
      sorted.push(...result.sales.map((s) => methods.get(s.id)!));
      if (!result.hasMore) break;
    }
    expect(sorted).toEqual([...methods.values()].sort());

    // Sales CSV: the method column of every row.
    const res = exportSalesCsv(db().db, { filters: salesViewSchema.parse({}), preset: "standard", timeZone: TZ, labels: LABELS, actor: null }, ctx);
    const records = parse(Buffer.from(await res.arrayBuffer()).toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(details.length);
    for (const r of records) expect(r["col:paymentMethod"], r["col:id"]).toBe(methods.get(r["col:id"]));

    // Sale detail, from the mirror and live.
    for (const d of details.slice(0, 5)) {
      expect((await getSaleDetail(db().db, d.id, { client: null, timeZone: TZ }))?.sale.payment.method).toBe(d.payment.method);
      expect((await getSaleDetail(db().db, d.id, { client, timeZone: TZ, now: () => NOW }))?.sale.payment.method).toBe(d.payment.method);
    }

    // Recovery worklist and its per-method stats: failed and abandoned sales only.
    const lost = details.filter((d) => d.status === "failed" || d.status === "abandoned");
    expect(lost.length).toBeGreaterThan(10);
    const leads = await listLeads(db().db, EVERY_DAY);
    expect(leads).toHaveLength(lost.length);
    for (const l of leads) expect(l.paymentMethod, l.saleId).toBe(methods.get(l.saleId));
    const byMethod = Object.fromEntries(recoveryStats(leads).byPaymentMethod.map((b) => [b.key, b.leads]));
    expect(byMethod).toEqual(countBy(lost, (d) => d.payment.method));

    // Revenue page: the payment-method breakdown counts the same attempts per method, per currency.
    for (const currency of new Set(details.map((d) => d.amount.currency as string))) {
      const report = await getRevenueReport(db().db, { range: "all", compare: "none", currency }, { timeZone: TZ, now: NOW });
      const breakdown = report.breakdowns.find((b) => b.dimension === "payment_method")!;
      const inCurrency = details.filter((d) => d.amount.currency === currency);
      expect(Object.fromEntries(breakdown.rows.map((r) => [r.key, r.attempts])), currency).toEqual(countBy(inCurrency, (d) => d.payment.method));
    }
  });
});
