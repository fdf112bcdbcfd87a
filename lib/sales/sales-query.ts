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
   * SQLite only, filters written `+column` so none of their indexes is picked: "all" — the query walks its
   * ORDER BY's index and stops after a page (lib/sales/list-sales.ts chose it because the filter matches
   * many sales), except a filter on the sorted column itself (`keep`), a range of that same index;
   * "sort" — the columns whose only index is a sort index of migration 0018 (payment status, channel,
   * currency, code, country, amount): a total over many sales reads the table in order rather than
   * looking each row up from such an index.
   */
  unindexed?: { filters: "all"; keep?: string } | { filters: "sort" };
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

/** One case of an amount bound: sales in `currencies` (or not in `notIn`) compare with `minor`. */
export type AmountBoundCase = { currencies: string[] | null; notIn: string[] | null; minor: number };

/**
 * An amount bound on the rollups' `amount` dimension (./sales-totals.ts), by the same rules as amountRange
 * on the sales: with a currency, that currency's minor units; without, one case per exponent.
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

/**
 * min ≤ amount ≤ max, where the bounds are major-unit decimals read in each row's own currency. With a
 * currency filter the schema has already refused more decimals than it has; without one, a finer bound
 * is rounded inward, which is exact on whole minor units (min=1.5 keeps XOF sales from 2, EUR from 1.50).
 */
function amountRange(eb: SalesEb, min: string | undefined, max: string | undefined, currency: string | undefined, col: Column, engine: Engine): Expression<SqlBool> {
  const amount = sql<number>`${col("amount", false, true)}`;
  // SQLite: the currency lists never pick the currency index (17 values: every XOF and XAF sale).
  const cur = engine === "sqlite" ? hidden("currency") : col("currency", false, true);
  const within = (unit: string) => {
    const bounds: Expression<SqlBool>[] = [];
    if (min) bounds.push(eb(amount, ">=", minorBound(min, unit, "up")));
    if (max) bounds.push(eb(amount, "<=", minorBound(max, unit, "down")));
    return bounds;
  };
  if (currency) return eb.and(within(currency));
  // Without a currency filter: one range per exponent (XOF 4900 ≥ "1000", USD 7920 ≥ "10.00" = 1000), each
  // a range of the (amount, id) index, so the OR is a union of index ranges.
  const others = EXPONENT_GROUPS.flatMap((g) => g.currencies);
  const parts: Expression<SqlBool>[] = EXPONENT_GROUPS.map((g) => eb.and([eb(cur, "in", g.currencies), ...within(g.currencies[0])]));
  parts.push(eb.and([eb(cur, "not in", others), ...within("USD")]));
  return eb.or(parts);
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
  const id = hide.all ? hidden("id") : sql.ref<string>("sales.id");
  const customer = hide.all ? hidden("customer_id") : sql.ref<string>("sales.customer_id");
  return eb.or([eb(id, "=", q), eb.and([eb(id, ">", q), eb(id, "<", `${q}\uffff`)]), eb(customer, "in", customers)]);
}

/** `+sales.column`: the same value, but SQLite will not use an index for it. */
const hidden = (column: string) => sql<string>`+${sql.ref(`sales.${column}`)}`;

/** Which filters are written `+column` (SQLite), from the context. */
type Hide = { all: boolean; created: boolean; nonCustomer: boolean; sortOnly: boolean };

/** A filter's column: `+sales.column` or `sales.column` (see whereSales). */
type Column = (column: string, keptWhenCreated?: boolean, sortIndexOnly?: boolean) => RawBuilder<string>;

/** Every filter of the view as one WHERE (an empty filter set is "all sales"). */
export function whereSales(filters: SalesFilters, ctx: SalesQueryContext) {
  const sqlite = ctx.engine === "sqlite";
  const u = sqlite ? ctx.unindexed : undefined;
  const keep = u?.filters === "all" ? u.keep : undefined;
  const hide: Hide = { all: u?.filters === "all", created: sqlite && ctx.createdOrder === true, nonCustomer: sqlite && ctx.customerFirst === true, sortOnly: u?.filters === "sort" };
  // A filter column left to another index: the order's (all, created), the customer's (nonCustomer), or
  // the table itself (sortOnly, for the columns only a sort index of 0018 covers).
  const col: Column = (column, keptWhenCreated = false, sortIndexOnly = false) =>
    (hide.all && column !== keep) || hide.nonCustomer || (hide.created && !keptWhenCreated) || (hide.sortOnly && sortIndexOnly) ? hidden(column) : sql.ref<string>(`sales.${column}`);
  return (eb: SalesEb): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (filters.q) conditions.push(searchCondition(eb, filters.q, ctx.engine, hide));
    // One status keeps its (status, created_at) index: it is already in created_at order.
    if (filters.status) conditions.push(eb(col("status", filters.status.length === 1), "in", filters.status));
    if (filters.paymentStatus) conditions.push(eb(col("payment_status", false, true), "in", filters.paymentStatus));
    if (filters.channel) conditions.push(eb(col("channel", false, true), "in", filters.channel));
    if (filters.customer) conditions.push(eb(hide.all ? hidden("customer_id") : sql.ref<string>("sales.customer_id"), "=", filters.customer));
    if (filters.product) conditions.push(eb(col("product_id", true), "=", filters.product));
    if (filters.currency) conditions.push(eb(col("currency", false, true), "=", filters.currency));
    if (filters.discount) conditions.push(eb(col("discount_code", false, true), "=", filters.discount));
    if (filters.campaign) conditions.push(eb(col("campaign_id"), "=", filters.campaign));
    // The same "country" as the revenue breakdown (lib/mirror/rollups.ts): shipping, else checkout context.
    const country = sortExpression("country");
    if (filters.country) conditions.push(eb((hide.all && keep !== "country") || hide.nonCustomer || hide.created || hide.sortOnly ? sql`+${country}` : country, "=", filters.country));
    // Local days of the store timezone, as UTC bounds on created_at (its index serves the range).
    if (filters.from) conditions.push(eb(col("created_at", true), ">=", startOfLocalDay(filters.from, ctx.timeZone)));
    if (filters.to) conditions.push(eb(col("created_at", true), "<", startOfLocalDay(addDays(filters.to, 1), ctx.timeZone)));
    if (filters.min || filters.max) conditions.push(amountRange(eb, filters.min, filters.max, filters.currency, col, ctx.engine));
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
