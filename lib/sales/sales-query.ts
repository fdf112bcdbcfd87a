// Filters and sort of the Sales view → SQL over the mirror's `sales` table, the same on both engines.
// Used by the page, the totals, the export and the customer page, so every one of them means the same
// set of sales by the same URL.
import "server-only";
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { Database } from "@/lib/db";
import { likeInsensitive, type Engine } from "@/lib/db/engine-sql";
import { paymentMethodShownSql } from "@/lib/mirror";
import { currencyExponent, minorBound } from "@/lib/money";
import { addDays, startOfLocalDay } from "@/lib/time";
import type { SalesFilters } from "./schemas";
import type { SaleSortColumn } from "./view-query";

export type SalesQueryContext = {
  engine: Engine;
  timeZone: string;
  /**
   * The query is ordered by created_at (the default view, the export). SQLite, without statistics,
   * prefers an index on a low-cardinality filter (status list, currency) and then sorts every match —
   * 0.5 s at 1M sales — over walking the (created_at, id) index and stopping after a page. Set, those
   * filters are written `+column` (SQLite's documented way to take an index out of consideration).
   */
  createdOrder?: boolean;
};

type SalesEb = ExpressionBuilder<Database, "sales">;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Exponents other than 2 (lib/money's table), so an amount bound is compared in each sale's minor units.
const EXPONENT_GROUPS: ReadonlyArray<{ exponent: number; currencies: string[] }> = (() => {
  const candidates = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF", "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND", "CLF", "UYW"];
  const groups = new Map<number, string[]>();
  for (const c of candidates) {
    const e = currencyExponent(c);
    if (e !== 2) groups.set(e, [...(groups.get(e) ?? []), c]);
  }
  return [...groups].map(([exponent, currencies]) => ({ exponent, currencies }));
})();

/** One case of an amount bound: sales in `currencies` (or not in `notIn`) compare with `minor`. */
export type AmountBoundCase = { currencies: string[] | null; notIn: string[] | null; minor: number };

/**
 * amount (op) bound, where the bound is a major-unit decimal read in each row's own currency. With a
 * currency filter the schema has already refused more decimals than it has; without one, a finer bound
 * is rounded inward, which is exact on whole minor units (min=1.5 keeps XOF sales from 2, EUR from 1.50).
 * The cases are shared by the sales query and the rollups' `amount` dimension (./sales-totals.ts).
 */
export function amountBoundCases(op: ">=" | "<=", major: string, currency: string | undefined): AmountBoundCase[] {
  const rounding = op === ">=" ? "up" : "down";
  if (currency) return [{ currencies: null, notIn: null, minor: minorBound(major, currency, rounding) }];
  // Without a currency filter: one comparison per exponent (XOF 4900 ≥ "1000", USD 7920 ≥ "10.00" = 1000).
  const others = EXPONENT_GROUPS.flatMap((g) => g.currencies);
  return [
    ...EXPONENT_GROUPS.map((g) => ({ currencies: g.currencies, notIn: null, minor: minorBound(major, g.currencies[0], rounding) })),
    { currencies: null, notIn: others, minor: minorBound(major, "USD", rounding) },
  ];
}

function amountBound(eb: SalesEb, op: ">=" | "<=", major: string, currency: string | undefined): Expression<SqlBool> {
  const cases = amountBoundCases(op, major, currency);
  if (currency) return eb("amount", op, cases[0].minor);
  return eb.or(
    cases.map((c) => eb.and([c.currencies ? eb("currency", "in", c.currencies) : eb("currency", "not in", c.notIn!), eb("amount", op, c.minor)])),
  );
}

/**
 * Free text (chariow-api.md §5 `search`: reference, customer email or name). A reference matches by id
 * prefix (the primary key's range); email and name are matched on the customers table — thousands of
 * rows, not a million — and joined back through the customer index. No full-text index to maintain on
 * the write path (bench/README.md "Sales table" measures it at 1M sales).
 */
function searchCondition(eb: SalesEb, q: string, engine: Engine): Expression<SqlBool> {
  const like = likeInsensitive(engine);
  const pattern = `%${escapeLike(q.toLowerCase())}%`;
  const customers = eb
    .selectFrom("customers")
    .select("customers.id")
    .where((c) => c.or([c("customers.email", like, sql<string>`${pattern} escape '\\'`), c("customers.name", like, sql<string>`${pattern} escape '\\'`)]));
  return eb.or([eb("sales.id", "=", q), eb.and([eb("sales.id", ">", q), eb("sales.id", "<", `${q}\uffff`)]), eb("sales.customer_id", "in", customers)]);
}

/** Every filter of the view as one WHERE (an empty filter set is "all sales"). */
export function whereSales(filters: SalesFilters, ctx: SalesQueryContext) {
  const unindexed = ctx.engine === "sqlite" && ctx.createdOrder === true;
  return (eb: SalesEb): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (filters.q) conditions.push(searchCondition(eb, filters.q, ctx.engine));
    // One status keeps its (status, created_at) index: it is already in created_at order.
    if (filters.status) conditions.push(eb(unindexed && filters.status.length > 1 ? sql<string>`+sales.status` : sql.ref("sales.status"), "in", filters.status));
    if (filters.paymentStatus) conditions.push(eb("sales.payment_status", "in", filters.paymentStatus));
    if (filters.channel) conditions.push(eb("sales.channel", "in", filters.channel));
    if (filters.customer) conditions.push(eb("sales.customer_id", "=", filters.customer));
    if (filters.product) conditions.push(eb("sales.product_id", "=", filters.product));
    if (filters.currency) conditions.push(eb(unindexed ? sql<string>`+sales.currency` : sql.ref("sales.currency"), "=", filters.currency));
    if (filters.discount) conditions.push(eb("sales.discount_code", "=", filters.discount));
    if (filters.campaign) conditions.push(eb("sales.campaign_id", "=", filters.campaign));
    // The same "country" as the revenue breakdown (lib/mirror/rollups.ts): shipping, else checkout context.
    if (filters.country) conditions.push(eb(eb.fn.coalesce("sales.shipping_country", "sales.context_country"), "=", filters.country));
    // Local days of the store timezone, as UTC bounds on created_at (its index serves the range).
    if (filters.from) conditions.push(eb("sales.created_at", ">=", startOfLocalDay(filters.from, ctx.timeZone)));
    if (filters.to) conditions.push(eb("sales.created_at", "<", startOfLocalDay(addDays(filters.to, 1), ctx.timeZone)));
    if (filters.min) conditions.push(amountBound(eb, ">=", filters.min, filters.currency));
    if (filters.max) conditions.push(amountBound(eb, "<=", filters.max, filters.currency));
    return eb.and(conditions);
  };
}

/** The column or expression each sortable column orders by. */
export function sortExpression(column: SaleSortColumn) {
  switch (column) {
    case "country":
      return sql`coalesce(sales.shipping_country, sales.context_country)`;
    case "payment_method":
      return paymentMethodShownSql();
    default:
      return sql.ref(`sales.${column}`);
  }
}

/**
 * ORDER BY the column, unknown values last in both directions (the engines disagree on where NULLs go by
 * default), then the id so pages never overlap or skip a row among equal values.
 */
export function orderSales<O>(qb: SelectQueryBuilder<Database, "sales", O>, column: SaleSortColumn, dir: "asc" | "desc") {
  return qb.orderBy(sortExpression(column), (ob) => (dir === "asc" ? ob.asc().nullsLast() : ob.desc().nullsLast())).orderBy("sales.id", dir);
}

export function salesBase(db: Kysely<Database>, filters: SalesFilters, ctx: SalesQueryContext) {
  return db.selectFrom("sales").where(whereSales(filters, ctx));
}
