// The Sales view over a real database on both engines: every filter, sort, page and total checked
// against the answer computed in plain TypeScript from the seeded facts (tests/integration/sales/world.ts).
import { beforeEach, expect, it } from "vitest";
import { listSales, salesTotals } from "@/lib/sales";
import { rollupDimensionFor } from "@/lib/sales/sales-totals";
import { iterateSalesForExport } from "@/lib/sales/export-sales";
import { salesViewSchema, type SalesFiltersInput, type SalesView } from "@/lib/sales/schemas";
import type { SalesQueryContext } from "@/lib/sales/sales-query";
import { addDays, startOfLocalDay } from "@/lib/time";
import { describeEachEngine } from "../db/engines";
import { PAID, amountOf, buildFacts, seedWorld, type Fact } from "./world";

const FACTS = buildFacts(400);
const TZ = "Europe/Paris";

describeEachEngine("sales view", ({ engine, db }) => {
  let ctx: SalesQueryContext;
  beforeEach(async () => {
    ctx = { engine, timeZone: TZ };
    await seedWorld(db().db, FACTS, TZ);
  });

  async function allIds(input: SalesFiltersInput & { sort?: string; dir?: string }): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const view: SalesView = salesViewSchema.parse({ ...input, page, size: 200 });
      const result = await listSales(db().db, view, ctx);
      ids.push(...result.sales.map((s) => s.id));
      if (!result.hasMore) return ids;
    }
  }

  const newestFirst = (a: Fact, b: Fact) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt === null ? 1 : b.createdAt === null ? -1 : a.createdAt < b.createdAt ? 1 : -1;

  const cases: Array<[string, SalesFiltersInput, (f: Fact) => boolean]> = [
    ["no filter", {}, () => true],
    ["status list", { status: "failed,abandoned" }, (f) => f.status === "failed" || f.status === "abandoned"],
    ["currency + channel", { currency: "eur", channel: "affiliate" }, (f) => f.currency === "EUR" && f.channel === "affiliate"],
    ["product", { product: "prd_ebook" }, (f) => f.productId === "prd_ebook"],
    ["customer", { customer: "cus_elo" }, (f) => f.customerId === "cus_elo"],
    ["discount code", { discount: "VIP20" }, (f) => f.discountCode === "VIP20"],
    ["campaign", { campaign: "cmp_launch" }, (f) => f.campaignId === "cmp_launch"],
    ["country", { country: "sn" }, (f) => f.country === "SN"],
    ["payment status", { paymentStatus: "success" }, (f) => PAID.has(f.status)],
    // Amounts in each sale's own major units: 25 means 25 XOF (25 minor) and 25.00 EUR/USD (2500 minor).
    ["amount range, any currency", { min: "25", max: "100" }, (f) => (f.currency === "XOF" ? amountOf(f) >= 25 && amountOf(f) <= 100 : amountOf(f) >= 2500 && amountOf(f) <= 10000)],
    ["amount range in USD", { currency: "USD", min: "19.99" }, (f) => f.currency === "USD" && amountOf(f) >= 1999],
    ["search by email substring", { q: "EXAMPLE.FR" }, (f) => f.email.includes("example.fr")],
    ["search by name", { q: "mensah" }, (f) => f.name === "Kofi Mensah"],
    ["search by name with an apostrophe", { q: "o'brien" }, (f) => f.name === "Seán O'Brien"],
    ["search with LIKE wildcards taken literally", { q: "%" }, (f) => f.name === "100%_Promo"],
    ["search with an underscore taken literally", { q: "0%_p" }, (f) => f.name === "100%_Promo"],
    ["search by reference prefix", { q: "sal_01" }, (f) => f.id.startsWith("sal_01")],
    ["search by full reference", { q: FACTS[42].id }, (f) => f.id === FACTS[42].id],
    ["search + status", { q: "awa", status: "completed" }, (f) => f.name === "Awa Diallo" && f.status === "completed"],
  ];

  for (const [name, filters, keep] of cases) {
    it(`filters: ${name}`, async () => {
      const expected = FACTS.filter(keep).sort(newestFirst).map((f) => f.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds(filters)).toEqual(expected);
    });
  }

  it("date range: local days of the store timezone, both ends inclusive", async () => {
    const from = "2026-01-10";
    const to = "2026-01-12";
    const lower = Date.parse(startOfLocalDay(from, TZ));
    const upper = Date.parse(startOfLocalDay(addDays(to, 1), TZ));
    // Paris is UTC+1 in January: the range starts at 2026-01-09T23:00Z.
    expect(new Date(lower).toISOString()).toBe("2026-01-09T23:00:00.000Z");
    const expected = FACTS.filter((f) => f.createdAt !== null && Date.parse(f.createdAt) >= lower && Date.parse(f.createdAt) < upper)
      .sort(newestFirst)
      .map((f) => f.id);
    expect(expected.length).toBeGreaterThan(5);
    expect(await allIds({ from, to })).toEqual(expected);
  });

  it("sorts by any column, unknown values last, ties by reference, across pages", async () => {
    const byAmountAsc = [...FACTS].sort((a, b) => amountOf(a) - amountOf(b) || (a.id < b.id ? -1 : 1)).map((f) => f.id);
    expect(await allIds({ sort: "amount", dir: "asc" })).toEqual(byAmountAsc);
    const byCustomerDesc = [...FACTS].sort((a, b) => (a.name === b.name ? (a.id < b.id ? 1 : -1) : a.name < b.name ? 1 : -1)).map((f) => f.id);
    const got = await allIds({ sort: "customer_name", dir: "desc" });
    // SQLite compares text by code point (BINARY) like JS; PostgreSQL uses the database's collation,
    // so there only the grouping by name is checked.
    if (engine === "sqlite") expect(got).toEqual(byCustomerDesc);
    else expect(new Set(got)).toEqual(new Set(byCustomerDesc));
    const oldestFirst = await allIds({ sort: "created_at", dir: "asc" });
    const nullIds = FACTS.filter((f) => f.createdAt === null).map((f) => f.id);
    expect(oldestFirst.slice(-nullIds.length).sort()).toEqual(nullIds.sort());
  });

  it("pages are disjoint and say when there is more", async () => {
    const first = await listSales(db().db, salesViewSchema.parse({ size: 25, page: 1 }), ctx);
    const second = await listSales(db().db, salesViewSchema.parse({ size: 25, page: 2 }), ctx);
    expect(first.sales).toHaveLength(25);
    expect(first.hasMore).toBe(true);
    expect(new Set([...first.sales, ...second.sales].map((s) => s.id)).size).toBe(50);
    const last = await listSales(db().db, salesViewSchema.parse({ size: 200, page: 2 }), ctx);
    expect(last.hasMore).toBe(false);
    expect(last.sales).toHaveLength(FACTS.length - 200);
  });

  it("totals per currency of the whole filter, never across currencies", async () => {
    const lower = startOfLocalDay("2026-01-20", TZ);
    const upper = startOfLocalDay(addDays("2026-02-10", 1), TZ);
    // Rollup-answered ({}, status, currency, days, one dimension) and scan-answered (search, two dimensions).
    for (const filters of [
      {},
      { status: "completed,settled,failed" },
      { currency: "EUR", product: "prd_course", from: "2026-01-20", to: "2026-02-10" },
      { channel: "affiliate,widget", status: "settled" },
      { discount: "VIP20" },
      { q: "example.com" },
      { country: "CI", channel: "store" },
      // Payment status from its rollup dimension (migration 0016), over whole months and edge days.
      { paymentStatus: "success" },
      { paymentStatus: "success", currency: "XOF", from: "2026-01-20", to: "2026-02-10" },
      // Amount ranges from the rollups' amount dimension: per currency exponent without a currency filter.
      { min: "20", max: "100" },
      { min: "4900", currency: "XOF", status: "completed,settled" },
      { max: "25", from: "2026-01-20", to: "2026-02-10" },
    ] as SalesFiltersInput[]) {
      const view = salesViewSchema.parse(filters);
      const matching = FACTS.filter((f) =>
        (!view.status || view.status.includes(f.status as never)) &&
        (!view.paymentStatus || PAID.has(f.status)) &&
        (!view.min || amountOf(f) >= Number(view.min) * 10 ** (f.currency === "XOF" ? 0 : 2)) &&
        (!view.max || amountOf(f) <= Number(view.max) * 10 ** (f.currency === "XOF" ? 0 : 2)) &&
        (!view.q || f.email.includes(view.q)) &&
        (!view.country || f.country === view.country) &&
        (!view.channel || view.channel.includes(f.channel)) &&
        (!view.currency || f.currency === view.currency) &&
        (!view.product || f.productId === view.product) &&
        (!view.discount || f.discountCode === view.discount) &&
        (!view.from || (f.createdAt !== null && f.createdAt >= lower && f.createdAt < upper)),
      );
      expect(matching.length, JSON.stringify(filters)).toBeGreaterThan(0);
      const expected = new Map<string, { count: number; paidCount: number; paid: number; original: number; discount: number }>();
      for (const f of matching) {
        const t = expected.get(f.currency) ?? { count: 0, paidCount: 0, paid: 0, original: 0, discount: 0 };
        t.count++;
        if (PAID.has(f.status)) {
          t.paidCount++;
          t.paid += amountOf(f);
          t.original += f.originalMinor;
          t.discount += f.discountMinor;
        }
        expected.set(f.currency, t);
      }
      // Which of them the rollups answer (the others scan the sales): both paths are compared with the facts.
      if (view.paymentStatus || view.min || view.max) expect(rollupDimensionFor(view)?.dimension, JSON.stringify(filters)).toBe(view.paymentStatus ? "payment_status" : "amount");
      const totals = await salesTotals(db().db, view, ctx);
      expect(totals.count).toBe(matching.length);
      expect(Object.fromEntries(totals.byCurrency.map((c) => [c.currency, { count: c.count, paidCount: c.paidCount, paid: c.paid.minor, original: c.original.minor, discount: c.discount.minor }]))).toEqual(
        Object.fromEntries(expected),
      );
    }
  });

  it("the export reads every sale of the filter exactly once, in keyset batches, nulls included", async () => {
    const seen: string[] = [];
    for await (const row of iterateSalesForExport(db().db, salesViewSchema.parse({}), ctx, 7)) seen.push(row.id);
    expect(seen).toEqual([...FACTS].sort(newestFirst).map((f) => f.id));
    const failed: string[] = [];
    for await (const row of iterateSalesForExport(db().db, salesViewSchema.parse({ status: "failed" }), ctx, 5)) failed.push(row.id);
    expect(failed).toEqual(FACTS.filter((f) => f.status === "failed").sort(newestFirst).map((f) => f.id));
  });
});
