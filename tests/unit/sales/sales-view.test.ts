// The Sales view's URL contract and its SQL: lists and defaults parse as bookmarks expect, filters
// survive a round trip through the URL, and the query builder escapes LIKE wildcards, picks ILIKE on
// PostgreSQL, compares amounts in each currency's minor units and keeps unknown values last.
import { describe, expect, it } from "vitest";
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Dialect } from "kysely";
import type { Database } from "@/lib/db";
import { escapeLike, orderSales, salesBase } from "@/lib/sales/sales-query";
import { parseSalesView, salesFiltersSchema, salesViewSchema } from "@/lib/sales/schemas";
import { SALES_FILTER_KEYS, filtersOf, filtersToSearchParams, salesApiQuery } from "@/lib/sales/view-query";

function compilerOnly(engine: "sqlite" | "postgres"): Kysely<Database> {
  const dialect: Dialect = {
    createAdapter: () => (engine === "sqlite" ? new SqliteAdapter() : new PostgresAdapter()),
    createDriver: () => ({ init: async () => undefined, acquireConnection: async () => { throw new Error("compile only"); }, beginTransaction: async () => undefined, commitTransaction: async () => undefined, rollbackTransaction: async () => undefined, releaseConnection: async () => undefined, destroy: async () => undefined }),
    createIntrospector: (db) => (engine === "sqlite" ? new SqliteIntrospector(db) : new PostgresIntrospector(db)),
    createQueryCompiler: () => (engine === "sqlite" ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
  };
  return new Kysely<Database>({ dialect });
}

describe("salesViewSchema", () => {
  it("reads comma lists, upper-cases codes and fills the defaults", () => {
    const view = salesViewSchema.parse({ status: "failed,abandoned,failed", currency: "xof", country: "sn", q: "  awa  " });
    expect(view).toMatchObject({ status: ["failed", "abandoned"], currency: "XOF", country: "SN", q: "awa", sort: "created_at", dir: "desc", page: 1, size: 50 });
    expect(salesViewSchema.parse({ status: "" }).status).toBeUndefined();
  });

  it("refuses unknown statuses, bad days and amounts, and (the API being strict) a bad sort, page or size", () => {
    expect(salesViewSchema.safeParse({ status: "paid" }).success).toBe(false);
    expect(salesViewSchema.safeParse({ from: "2026-02-30x" }).success).toBe(false);
    expect(salesViewSchema.safeParse({ min: "-5" }).success).toBe(false);
    expect(salesViewSchema.safeParse({ min: "1e3" }).success).toBe(false);
    for (const [key, value] of [["sort", "password_hash"], ["dir", "sideways"], ["page", "-3"], ["size", "1000"]]) {
      expect(salesViewSchema.safeParse({ [key]: value }).error?.issues[0]?.path).toEqual([key]);
    }
  });

  it("writes the filters in the schema's own fields and order (the zod-free key list the links use)", () => {
    expect([...SALES_FILTER_KEYS]).toEqual(Object.keys(salesFiltersSchema.shape));
  });

  it("round-trips filters through the URL; a page's bad URL keeps what is valid and clears the rest, named", () => {
    const view = salesViewSchema.parse({ q: "o'brien", status: "completed,settled", from: "2026-01-01", to: "2026-01-31", min: "10.50", channel: "affiliate" });
    const again = salesViewSchema.parse(Object.fromEntries(filtersToSearchParams(filtersOf(view))));
    expect(filtersOf(again)).toEqual(filtersOf(view));
    expect(salesApiQuery(view)).toBe("q=o%27brien&status=completed%2Csettled&channel=affiliate&from=2026-01-01&to=2026-01-31&min=10.50&sort=created_at&dir=desc&page=1&size=50");
    const bad = parseSalesView({ currency: "EURO", sort: "amount", status: "failed" });
    expect(bad.invalid).toBe(true);
    expect(bad.cleared).toEqual(["currency"]);
    expect(bad.view.sort).toBe("amount");
    expect(filtersOf(bad.view)).toEqual({ status: ["failed"] });
    const worse = parseSalesView({ sort: "password_hash", dir: "sideways", page: "-3", size: "1000", min: "1.5", currency: "XOF" });
    expect(worse.view).toMatchObject({ sort: "created_at", dir: "desc", page: 1, size: 50, currency: "XOF" });
    expect(worse.view.min).toBeUndefined();
    expect([...worse.cleared].sort()).toEqual(["dir", "min", "page", "size", "sort"]);
  });
});

describe("query building", () => {
  it("escapes LIKE wildcards typed by the user", () => {
    expect(escapeLike("100%_off\\")).toBe("100\\%\\_off\\\\");
  });

  it("searches customers case-insensitively on both engines, with an escape clause", () => {
    const view = salesViewSchema.parse({ q: "50%" });
    const pg = salesBase(compilerOnly("postgres"), view, { engine: "postgres", timeZone: "UTC" }).select("id").compile();
    expect(pg.sql).toContain("ilike");
    expect(pg.sql).toContain("escape '\\'");
    expect(pg.parameters).toContain("%50\\%%");
    const lite = salesBase(compilerOnly("sqlite"), view, { engine: "sqlite", timeZone: "UTC" }).select("id").compile();
    expect(lite.sql).not.toContain("ilike");
    expect(lite.parameters).toEqual(expect.arrayContaining(["50%", "50%\uffff"]));
  });

  it("compares an amount bound in each currency's minor units", () => {
    const any = salesBase(compilerOnly("sqlite"), salesViewSchema.parse({ min: "25" }), { engine: "sqlite", timeZone: "UTC" }).select("id").compile();
    // 25 → 25 for zero-decimal currencies, 2500 for two, 25000 for three, 250000 for four.
    expect(any.parameters).toEqual(expect.arrayContaining([25, 2500, 25000, 250000, "XOF", "XAF", "KWD"]));
    const usd = salesBase(compilerOnly("sqlite"), salesViewSchema.parse({ currency: "USD", max: "19.99" }), { engine: "sqlite", timeZone: "UTC" }).select("id").compile();
    expect(usd.parameters).toEqual(["USD", 1999]);
  });

  it("turns local days into UTC bounds of the store timezone", () => {
    const q = salesBase(compilerOnly("sqlite"), salesViewSchema.parse({ from: "2026-07-01", to: "2026-07-01" }), { engine: "sqlite", timeZone: "Europe/Paris" }).select("id").compile();
    expect(q.parameters).toEqual(["2026-06-30T22:00:00.000Z", "2026-07-01T22:00:00.000Z"]);
  });

  it("orders unknown values last and breaks ties by reference", () => {
    const q = orderSales(compilerOnly("postgres").selectFrom("sales").select("id"), "amount", "asc").compile();
    expect(q.sql).toMatch(/order by "sales"\."amount" asc nulls last, "sales"\."id" asc$/);
    const c = orderSales(compilerOnly("sqlite").selectFrom("sales").select("id"), "country", "desc").compile();
    expect(c.sql).toContain("coalesce(sales.shipping_country, sales.context_country) desc nulls last");
  });
});
