// One page of the Sales table from the mirror: the view's filters, sort and page (lib/sales/schemas.ts).
// Every sortable column has an index ending in the id (migrations 0006, 0018), so a page is an index walk
// that stops after size + 1 rows instead of a sort of every match — when the filter matches many sales.
// When it matches few, the filter's own index finds them and they are sorted. SQLite has no statistics to
// choose between the two: a bounded count decides (choosePlan), and a walk that reads a window of its
// index without filling the page gives way to the sort (readPage).
// Unknown values come last in both directions: the page reads the known-values part, then the NULL part,
// each in index order (an index puts NULLs first ascending, so one ORDER BY ... NULLS LAST could not walk it).
import "server-only";
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from "kysely";
import type { Database, SalesTable } from "@/lib/db";
import { paymentMethodShown } from "@/lib/mirror";
import type { Money } from "@/lib/money";
import { salesBase, sortExpression, type SalesQueryContext } from "./sales-query";
import type { SaleListItem, SalesFilters, SalesPage, SalesView } from "./schemas";
import { filtersOf, type SaleSortColumn } from "./view-query";

export const SALE_LIST_COLUMNS = [
  "id",
  "status",
  "payment_status",
  "created_at",
  "customer_id",
  "customer_name",
  "customer_email",
  "product_id",
  "product_name",
  "channel",
  "currency",
  "original_amount",
  "discount_amount",
  "amount",
  "discount_code",
  "campaign_name",
  "shipping_country",
  "context_country",
  "payment_method_id",
  "payment_method_name",
] as const satisfies ReadonlyArray<keyof SalesTable>;

type ListRow = Pick<Selectable<SalesTable>, (typeof SALE_LIST_COLUMNS)[number]>;

function moneyOf(minor: number | null, currency: string | null): Money | null {
  return minor === null || currency === null ? null : { minor, currency };
}

export function toSaleListItem(r: ListRow): SaleListItem {
  return {
    id: r.id,
    status: r.status,
    paymentStatus: r.payment_status,
    createdAt: r.created_at,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerEmail: r.customer_email,
    productId: r.product_id,
    productName: r.product_name,
    channel: r.channel,
    originalAmount: moneyOf(r.original_amount, r.currency),
    discountAmount: moneyOf(r.discount_amount, r.currency),
    amount: moneyOf(r.amount, r.currency),
    discountCode: r.discount_code,
    campaignName: r.campaign_name,
    country: r.shipping_country ?? r.context_country,
    paymentMethod: paymentMethodShown(r),
  };
}

export type Plan = "walk" | "filter";

/**
 * SQLite: walk the order's index (filters checked on each row, within a window: readPage) or let the
 * filter's index find the matches and sort them. A bounded count through the filter's own index tells
 * the two apart: fewer than PROBE matches are sorted (cheap at any depth); more are walked, and when the
 * walk's window runs out they are sorted after all. PostgreSQL has statistics and chooses by itself.
 */
const PROBE = 2000;
async function choosePlan(db: Kysely<Database>, filters: SalesFilters, ctx: SalesQueryContext): Promise<Plan> {
  if (ctx.engine !== "sqlite") return "filter";
  if (Object.keys(filtersOf(filters)).length === 0) return "walk";
  const probe = await db
    .selectFrom(salesBase(db, filters, ctx).select(sql.lit(1).as("one")).limit(PROBE).as("m"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(probe.n) < PROBE ? "filter" : "walk";
}

type Part = { where: (e: Expression<unknown>) => Expression<SqlBool>; byValue: boolean };

/** The known values, then the unknown ones (the id never is). */
function partsOf(column: SaleSortColumn): Part[] {
  const known: Part = { where: (e) => sql<SqlBool>`${e} is not null`, byValue: true };
  if (column === "id") return [known];
  return [known, { where: (e) => sql<SqlBool>`${e} is null`, byValue: false }];
}

/**
 * A walk reads at most this many index entries per part (the rows before the page included): a filter
 * whose matches are common overall but come late in this order (a country whose customers' names start
 * late in the alphabet) would otherwise read most of the index. Past it the filter's matches are sorted.
 */
const walkWindow = (rowsToRead: number) => Math.max(20_000, 20 * rowsToRead);

/**
 * The filters on the sorted column itself: a walk keeps them as a range of its index (whereSales' `keep`),
 * so its window counts from where that range starts.
 */
const OWN_FILTERS: Partial<Record<SaleSortColumn, ReadonlyArray<keyof SalesFilters>>> = {
  created_at: ["from", "to"],
  status: ["status"],
  payment_status: ["paymentStatus"],
  channel: ["channel"],
  currency: ["currency"],
  amount: ["min", "max", "currency"],
  discount_code: ["discount"],
  country: ["country"],
};

function ownFilters(view: SalesView): SalesFilters {
  // The currency only gives an amount range its unit; alone it is not a range of the amount index.
  const own = view.sort === "amount" && !view.min && !view.max ? [] : (OWN_FILTERS[view.sort] ?? []);
  const out: Record<string, unknown> = {};
  for (const key of own) if (view[key] !== undefined) out[key] = view[key];
  return out as SalesFilters;
}

/** readPage's answer when the walk's window ended before the page was full. */
const WINDOW_EXHAUSTED = null;

async function readPage(db: Kysely<Database>, view: SalesView, ctx: SalesQueryContext, plan: Plan, window = walkWindow): Promise<ListRow[] | typeof WINDOW_EXHAUSTED> {
  let offset = (view.page - 1) * view.size;
  let wanted = view.size + 1;
  const partCtx: SalesQueryContext = plan === "walk" ? { ...ctx, unindexed: { filters: "all", keep: view.sort } } : ctx;
  const expression = sortExpression(view.sort);
  // Sorting the filter's matches: `+expr` keeps SQLite from walking the order's index instead.
  const ordered = plan === "filter" && ctx.engine === "sqlite" ? sql`+${expression}` : expression;
  const rows: ListRow[] = [];
  for (const part of partsOf(view.sort)) {
    const byValue = part.byValue && view.sort !== "id";
    // The walk's last index entry: the window's bound, as (value, id) or id (an index range, not a filter).
    let bound: Expression<SqlBool> | null = null;
    if (plan === "walk") {
      const edge = await salesBase(db, ownFilters(view), partCtx)
        .where(part.where(expression))
        .select([expression.as("k"), "sales.id"])
        .$if(byValue, (qb) => qb.orderBy(expression, view.dir))
        .orderBy("sales.id", view.dir)
        .limit(1)
        .offset(window(offset + wanted) - 1)
        .executeTakeFirst();
      const op = sql.raw(view.dir === "asc" ? "<=" : ">=");
      // The value alone too: SQLite takes a row value as a range of a column index, not of an expression's.
      if (edge) bound = byValue ? sql<SqlBool>`${expression} ${op} ${edge.k} and (${expression}, sales.id) ${op} (${edge.k}, ${edge.id})` : sql<SqlBool>`sales.id ${op} ${edge.id}`;
    }
    const base = salesBase(db, view, partCtx)
      .where(part.where(expression))
      .$if(bound !== null, (qb) => qb.where(bound!));
    const got = await base
      .select([...SALE_LIST_COLUMNS])
      .$if(byValue, (qb) => qb.orderBy(ordered, view.dir))
      .orderBy("sales.id", view.dir)
      .limit(wanted)
      .offset(offset)
      .execute();
    rows.push(...got);
    wanted -= got.length;
    if (wanted === 0) break;
    if (bound !== null) return WINDOW_EXHAUSTED;
    // This part ended inside the page (or before it): the next part starts at the page's remainder.
    if (got.length > 0 || offset === 0) offset = 0;
    else {
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      offset = Math.max(0, offset - Number(n));
    }
  }
  return rows;
}

/** `plan` and `window` force a path (tests check each on data too small for them to be chosen). */
export async function listSales(db: Kysely<Database>, view: SalesView, ctx: SalesQueryContext, options: { plan?: Plan; window?: number } = {}): Promise<SalesPage> {
  const plan = options.plan ?? (await choosePlan(db, view, ctx));
  const window = options.window;
  // A walk whose window ran out: the filter's matches come late in this order, so they are sorted instead.
  const rows = (await readPage(db, view, ctx, plan, window === undefined ? walkWindow : () => window)) ?? (await readPage(db, view, ctx, "filter"))!;
  return { sales: rows.slice(0, view.size).map(toSaleListItem), page: view.page, size: view.size, hasMore: rows.length > view.size };
}
