// The Sales table's order on both engines, under both ways a page is read (lib/sales/list-sales.ts: walk
// the order's index, or sort the filter's matches): every sortable column, both directions, with and
// without a filter, every page walked and compared with the same rows sorted in plain TypeScript —
// unknown values last in both directions, ties by reference, no page overlapping or skipping a row. And
// the totals of a search or a customer (read from the customer index) against a sum in TypeScript.
import { CompiledQuery, sql, type Kysely } from "kysely";
import { beforeEach, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { listSales, salesTotals } from "@/lib/sales";
import type { Plan } from "@/lib/sales/list-sales";
import { salesViewSchema, type SalesFiltersInput } from "@/lib/sales/schemas";
import type { SalesQueryContext } from "@/lib/sales/sales-query";
import { SALE_SORT_COLUMNS, type SaleSortColumn } from "@/lib/sales/view-query";
import { describeEachEngine } from "../db/engines";
import { PAID, amountOf, buildFacts, seedWorld, type Fact } from "./world";

const FACTS = buildFacts(300, 11);
const TZ = "Europe/Paris";

type Stored = Record<string, string | number | null> & { id: string };

/** What each column sorts by, read from a stored row (the page's own SQL is not used). */
function keyOf(row: Stored, column: SaleSortColumn): string | number | null {
  switch (column) {
    case "country":
      return row.shipping_country ?? row.context_country;
    case "payment_method":
      return row.payment_method_name ?? row.payment_method_id;
    case "original_amount":
    case "discount_amount":
    case "amount":
      return row[column] === null ? null : Number(row[column]);
    default:
      return row[column];
  }
}

/** Known values by value (code points, as both test databases compare), unknown last, ties by id. */
function expectedOrder(rows: Stored[], column: SaleSortColumn, dir: "asc" | "desc"): string[] {
  const sign = dir === "asc" ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows]
    .sort((a, b) => {
      const ka = keyOf(a, column);
      const kb = keyOf(b, column);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;
      } else if (ka !== kb) return sign * cmp(ka, kb);
      return sign * cmp(a.id, b.id);
    })
    .map((r) => r.id);
}

const FILTERS: Array<[string, SalesFiltersInput, (r: Stored) => boolean]> = [
  ["no filter", {}, () => true],
  ["status list", { status: "completed,failed" }, (r) => r.status === "completed" || r.status === "failed"],
  ["amount range, any currency", { min: "25", max: "100" }, (r) => r.amount !== null && r.currency !== null && (r.currency === "XOF" ? Number(r.amount) >= 25 && Number(r.amount) <= 100 : Number(r.amount) >= 2500 && Number(r.amount) <= 10000)],
  // The search reads the customers table: a sale's own (here emptied) email copy does not matter.
  ["search", { q: "example.com" }, (r) => FACTS.find((f) => f.id === r.id)!.email.includes("example.com")],
];

// The walk with its window larger than the store, with a window of 30 index entries (a bound on every
// part, and on filtered pages a window that runs out and falls back to sorting), and the sort.
const MODES = ["walk", "walk, window 30", "filter"] as const;
type Mode = (typeof MODES)[number];
const options = (mode: Mode): { plan: Plan; window?: number } => (mode === "filter" ? { plan: "filter" } : mode === "walk" ? { plan: "walk" } : { plan: "walk", window: 30 });

describeEachEngine("sales order across pages", ({ engine, db }) => {
  let ctx: SalesQueryContext;
  let stored: Stored[];
  let codePointCollation: boolean;
  beforeEach(async () => {
    ctx = { engine, timeZone: TZ };
    const k = db().db;
    await seedWorld(k, FACTS, TZ);
    // Unknown values in every sortable column (a payload may omit any of them, chariow-api.md §5).
    const ids = FACTS.map((f) => f.id);
    const some = (n: number) => ids.filter((_, i) => i % n === 3);
    await k.updateTable("sales").set({ amount: null, original_amount: null, discount_amount: null }).where("id", "in", some(11)).execute();
    await k.updateTable("sales").set({ customer_name: null, customer_email: null, product_name: null }).where("id", "in", some(13)).execute();
    await k.updateTable("sales").set({ payment_status: null, channel: null, currency: null, payment_method_id: null, payment_method_name: null }).where("id", "in", some(17)).execute();
    await k.updateTable("sales").set({ shipping_country: null, context_country: null }).where("id", "in", some(7)).execute();
    // Status has no NULL in the mirror; many equal values (ties by reference) are what it tests.
    stored = (await k.selectFrom("sales").selectAll().execute()) as unknown as Stored[];
    codePointCollation = engine === "sqlite" || (await collationIsCodePoint(k));
  });

  async function walk(input: SalesFiltersInput & { sort: SaleSortColumn; dir: "asc" | "desc" }, mode: Mode, size = 25): Promise<string[]> {
    const ids: string[] = [];
    for (let page = 1; page < 100; page++) {
      const result = await listSales(db().db, salesViewSchema.parse({ ...input, page, size }), ctx, options(mode));
      expect(result.sales.length, `page ${page} of ${JSON.stringify(input)}`).toBeLessThanOrEqual(size);
      ids.push(...result.sales.map((s) => s.id));
      if (!result.hasMore) return ids;
      expect(result.sales).toHaveLength(size);
    }
    throw new Error("more than 100 pages");
  }

  for (const plan of MODES) {
    for (const [name, filters, keep] of FILTERS) {
      it(`every column, both directions, every page (${plan}, ${name})`, async () => {
        const rows = stored.filter(keep);
        expect(rows.length).toBeGreaterThan(20);
        for (const column of SALE_SORT_COLUMNS) {
          for (const dir of ["asc", "desc"] as const) {
            const got = await walk({ ...filters, sort: column, dir }, plan);
            const expected = expectedOrder(rows, column, dir);
            const label = `${column} ${dir}`;
            expect(new Set(got).size, label).toBe(got.length);
            if (codePointCollation) expect(got, label).toEqual(expected);
            else expect([...got].sort(), label).toEqual([...expected].sort());
            // Unknown values last, whatever the collation.
            const unknown = rows.filter((r) => keyOf(r, column) === null).length;
            if (unknown > 0) expect(got.slice(-unknown).every((id) => keyOf(stored.find((r) => r.id === id)!, column) === null), label).toBe(true);
          }
        }
      });
    }

    it(`a page that starts inside the unknown values counts the known ones (${plan})`, async () => {
      // discount_code is unknown for most sales: pages 2 and later of an ascending order start in them.
      const expected = expectedOrder(stored, "discount_code", "asc");
      const known = stored.filter((r) => r.discount_code !== null).length;
      expect(known).toBeGreaterThan(0);
      expect(known).toBeLessThan(stored.length - 40);
      for (const size of [25, 50]) {
        for (let page = 1; (page - 1) * size < stored.length; page++) {
          const result = await listSales(db().db, salesViewSchema.parse({ sort: "discount_code", dir: "asc", page, size }), ctx, options(plan));
          expect(result.sales.map((s) => s.id)).toEqual(expected.slice((page - 1) * size, page * size));
          expect(result.hasMore).toBe(page * size < stored.length);
        }
      }
    });
  }

  it("chooses by itself and agrees with the sorted rows (the default path)", async () => {
    for (const [, filters, keep] of FILTERS) {
      const rows = stored.filter(keep);
      for (const column of ["amount", "created_at", "status", "country"] as const) {
        const got: string[] = [];
        for (let page = 1; ; page++) {
          const result = await listSales(db().db, salesViewSchema.parse({ ...filters, sort: column, dir: "desc", page, size: 50 }), ctx);
          got.push(...result.sales.map((s) => s.id));
          if (!result.hasMore) break;
        }
        expect(got).toEqual(expectedOrder(rows, column, "desc"));
      }
    }
  });

  it("totals of a search or a customer equal the sum of their sales", async () => {
    const cases: Array<[SalesFiltersInput, (f: Fact) => boolean]> = [
      [{ q: "example.com" }, (f) => f.email.includes("example.com")],
      [{ q: "koné" }, (f) => f.name === "Éloïse Koné"],
      [{ q: "sal_01" }, (f) => f.id.startsWith("sal_01")],
      [{ customer: "cus_awa" }, (f) => f.customerId === "cus_awa"],
      [{ customer: "cus_kof", status: "completed,settled" }, (f) => f.customerId === "cus_kof" && PAID.has(f.status)],
      [{ q: "example", currency: "EUR", channel: "store,api" }, (f) => f.email.includes("example") && f.currency === "EUR" && (f.channel === "store" || f.channel === "api")],
      [{ customer: "cus_elo", paymentStatus: "success", min: "10" }, (f) => f.customerId === "cus_elo" && PAID.has(f.status) && amountOf(f) >= (f.currency === "XOF" ? 10 : 1000)],
    ];
    // The totals read the facts as seeded: reseed without the unknown values set above.
    await db().db.deleteFrom("sales").execute();
    await seedWorld(db().db, FACTS, TZ);
    for (const [filters, keep] of cases) {
      const matching = FACTS.filter(keep);
      expect(matching.length, JSON.stringify(filters)).toBeGreaterThan(0);
      const expected: Record<string, { count: number; paidCount: number; paid: number; original: number; discount: number }> = {};
      for (const f of matching) {
        const t = (expected[f.currency] ??= { count: 0, paidCount: 0, paid: 0, original: 0, discount: 0 });
        t.count++;
        if (PAID.has(f.status)) {
          t.paidCount++;
          t.paid += amountOf(f);
          t.original += f.originalMinor;
          t.discount += f.discountMinor;
        }
      }
      const totals = await salesTotals(db().db, salesViewSchema.parse(filters), ctx);
      expect(totals.count, JSON.stringify(filters)).toBe(matching.length);
      expect(Object.fromEntries(totals.byCurrency.map((c) => [c.currency, { count: c.count, paidCount: c.paidCount, paid: c.paid.minor, original: c.original.minor, discount: c.discount.minor }]))).toEqual(expected);
    }
  });

  if (engine === "sqlite") {
    it("SQLite: a walked page of any column reads its index in order, never sorting the sales", async () => {
      const seen: CompiledQuery[] = [];
      const spy = db().db.withPlugin({
        transformQuery: ({ node, queryId }) => {
          seen.push(db().db.getExecutor().compileQuery(node, queryId));
          return node;
        },
        transformResult: async ({ result }) => result,
      });
      for (const column of SALE_SORT_COLUMNS) {
        for (const dir of ["asc", "desc"] as const) {
          for (const filters of [{}, { status: "completed,failed" }, { q: "example" }]) {
            seen.length = 0;
            await listSales(spy, salesViewSchema.parse({ ...filters, sort: column, dir, page: 2, size: 25 }), ctx, { plan: "walk" });
            const pages = seen.filter((q) => /^select "id"/.test(q.sql) && / order by /.test(q.sql));
            expect(pages.length).toBeGreaterThan(0);
            for (const q of pages) {
              const plan = (await db().db.executeQuery(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]))).rows as { detail: string }[];
              expect(plan.map((r) => r.detail).join("; "), `${column} ${dir} ${JSON.stringify(filters)}`).not.toMatch(/TEMP B-TREE/);
            }
          }
        }
      }
    });
  }
});

async function collationIsCodePoint(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ c: string }>`select datcollate as c from pg_database where datname = current_database()`.execute(db);
  return ["C", "C.UTF-8", "C.utf8", "POSIX"].includes(rows[0]?.c ?? "");
}
