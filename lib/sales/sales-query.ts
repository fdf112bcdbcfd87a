// Filters and sort of the Sales view → SQL over the mirror's `sales` table, the same on both engines.
// Used by the page, the totals, the export and the customer page, so every one of them means the same
// set of sales by the same URL.
import "server-only";
import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from "kysely";
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
  // (Since migration 0018 every sortable column has an index, so with createdOrder every filter except one
  // status, a product and a customer — whose indexes are already in created_at order — is written so.)
  /**
   * SQLite only: the query walks its ORDER BY's index and stops after a page (lib/sales/list-sales.ts
   * chose it because the filter matches many sales), so every filter is written `+column` and none of
   * their indexes can be picked instead (which would mean sorting every match).
   */
  walkOrder?: boolean;
  /**
   * SQLite only: the filter has a search or a customer, whose matches come from the customer index
   * (sales_customer_idx, covering the totals' columns); the other filters are written `+column` so
   * SQLite does not pick a wider index instead.
   */
  customerFirst?: boolean;
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

/**
 * amount (op) bound, where the bound is a major-unit decimal read in each row's own currency. With a
 * currency filter the schema has already refused more decimals than it has; without one, a finer bound
 * is rounded inward, which is exact on whole minor units (min=1.5 keeps XOF sales from 2, EUR from 1.50).
 */
function amountBound(eb: SalesEb, op: ">=" | "<=", major: string, currency: string | undefined, col: (column: string) => RawBuilder<string>): Expression<SqlBool> {
  const rounding = op === ">=" ? "up" : "down";
  const amount = sql<number>`${col("amount")}`;
  const cur = col("currency");
  if (currency) return eb(amount, op, minorBound(major, currency, rounding));
  // Without a currency filter: one comparison per exponent (XOF 4900 ≥ "1000", USD 7920 ≥ "10.00" = 1000).
  const others = EXPONENT_GROUPS.flatMap((g) => g.currencies);
  const parts: Expression<SqlBool>[] = EXPONENT_GROUPS.map((g) =>
    eb.and([eb(cur, "in", g.currencies), eb(amount, op, minorBound(major, g.currencies[0], rounding))]),
  );
  parts.push(eb.and([eb(cur, "not in", others), eb(amount, op, minorBound(major, "USD", rounding))]));
  // The loosest of the bounds as one plain range too: what an amount index can serve (the OR alone sent
  // SQLite through a currency index, every XOF sale of the store).
  const bounds = [...EXPONENT_GROUPS.map((g) => minorBound(major, g.currencies[0], rounding)), minorBound(major, "USD", rounding)];
  return eb.and([eb(amount, op, op === ">=" ? Math.min(...bounds) : Math.max(...bounds)), eb.or(parts)]);
}

/**
 * Free text (chariow-api.md §5 `search`: reference, customer email or name). A reference matches by id
 * prefix (the primary key's range); email and name are matched on the customers table — thousands of
 * rows, not a million — and joined back through the customer index. No full-text index to maintain on
 * the write path (bench/README.md "Sales table" measures it at 1M sales).
 */
function searchCondition(eb: SalesEb, q: string, engine: Engine, hide: Hide): Expression<SqlBool> {
  const like = likeInsensitive(engine);
  const pattern = `%${escapeLike(q.toLowerCase())}%`;
  const customers = eb
    .selectFrom("customers")
    .select("customers.id")
    .where((c) => c.or([c("customers.email", like, sql<string>`${pattern} escape '\\'`), c("customers.name", like, sql<string>`${pattern} escape '\\'`)]));
  const id = hide.walk ? hidden("id") : sql.ref<string>("sales.id");
  const customer = hide.walk ? hidden("customer_id") : sql.ref<string>("sales.customer_id");
  return eb.or([eb(id, "=", q), eb.and([eb(id, ">", q), eb(id, "<", `${q}\uffff`)]), eb(customer, "in", customers)]);
}

/** `+sales.column`: the same value, but SQLite will not use an index for it. */
const hidden = (column: string) => sql<string>`+${sql.ref(`sales.${column}`)}`;

/** Which filters are written `+column` (SQLite), from the context. */
type Hide = { walk: boolean; created: boolean; nonCustomer: boolean };

/** Every filter of the view as one WHERE (an empty filter set is "all sales"). */
export function whereSales(filters: SalesFilters, ctx: SalesQueryContext) {
  const sqlite = ctx.engine === "sqlite";
  const hide: Hide = { walk: sqlite && ctx.walkOrder === true, created: sqlite && ctx.createdOrder === true, nonCustomer: sqlite && ctx.customerFirst === true };
  // A filter column left to the index of the order (walk, created) or of the customer (nonCustomer).
  const col = (column: string, keptWhenCreated = false) => (hide.walk || hide.nonCustomer || (hide.created && !keptWhenCreated) ? hidden(column) : sql.ref<string>(`sales.${column}`));
  return (eb: SalesEb): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (filters.q) conditions.push(searchCondition(eb, filters.q, ctx.engine, hide));
    // One status keeps its (status, created_at) index: it is already in created_at order.
    if (filters.status) conditions.push(eb(col("status", filters.status.length === 1), "in", filters.status));
    if (filters.paymentStatus) conditions.push(eb(col("payment_status"), "in", filters.paymentStatus));
    if (filters.channel) conditions.push(eb(col("channel"), "in", filters.channel));
    if (filters.customer) conditions.push(eb(hide.walk ? hidden("customer_id") : sql.ref<string>("sales.customer_id"), "=", filters.customer));
    if (filters.product) conditions.push(eb(col("product_id", true), "=", filters.product));
    if (filters.currency) conditions.push(eb(col("currency"), "=", filters.currency));
    if (filters.discount) conditions.push(eb(col("discount_code"), "=", filters.discount));
    if (filters.campaign) conditions.push(eb(col("campaign_id"), "=", filters.campaign));
    // The same "country" as the revenue breakdown (lib/mirror/rollups.ts): shipping, else checkout context.
    if (filters.country) conditions.push(eb(hide.walk || hide.nonCustomer || hide.created ? sql`+${sortExpression("country")}` : sortExpression("country"), "=", filters.country));
    // Local days of the store timezone, as UTC bounds on created_at (its index serves the range).
    if (filters.from) conditions.push(eb(col("created_at", true), ">=", startOfLocalDay(filters.from, ctx.timeZone)));
    if (filters.to) conditions.push(eb(col("created_at", true), "<", startOfLocalDay(addDays(filters.to, 1), ctx.timeZone)));
    if (filters.min) conditions.push(amountBound(eb, ">=", filters.min, filters.currency, col));
    if (filters.max) conditions.push(amountBound(eb, "<=", filters.max, filters.currency, col));
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
