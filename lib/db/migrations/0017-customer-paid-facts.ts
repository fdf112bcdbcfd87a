// Migration 0017: new vs returning customers without a DISTINCT over a range's sales (issue 17). Each paid
// sale keeps, per (customer, currency), the created_at of the customer's first paid sale in that currency
// (`first_paid_at`) and of their previous one (`prev_paid_at`, null for the first), kept at write time by
// lib/mirror/customer-facts.ts. A range's split is then additive over its paid sales (lib/analytics
// revenue.ts getCustomerSplit): whole months from sales_customer_split_monthly, the edge days from one
// covering partial index. Rows already mirrored get both from window functions here.
import "server-only";
import { sql, type Kysely } from "kysely";
import { clusteredByPrimaryKey, moneyColumnType, type Engine } from "../engine-sql";

// Restated, not imported: a migration must not follow later changes to app code (lib/chariow enum-values.ts
// PAID_SALE_STATUSES). Written as a literal so the partial index's condition is the one the queries repeat.
const PAID = sql.raw<boolean>(`status in ('completed', 'settled')`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema.alterTable("sales").addColumn("first_paid_at", "text").execute();
  await db.schema.alterTable("sales").addColumn("prev_paid_at", "text").execute();
  await fillPaidFacts(db);
  // The split's read of edge days: paid sales of one currency in a created_at range, every column it reads
  // in the index (index-only on both engines). Partial: unpaid sales (a third of the list inserts) skip it.
  // status too, although implied by the condition: without it SQLite 3.51 still reads each row for the
  // query's `status in (…)` (EXPLAIN QUERY PLAN says INDEX, not COVERING INDEX). With several stores,
  // store_id goes first.
  await db.schema
    .createIndex("sales_paid_customer_facts_idx")
    .on("sales")
    .columns(["currency", "created_at", "first_paid_at", "prev_paid_at", "amount", "status"])
    .where(PAID)
    .execute();

  // Whole months (schema.ts SalesCustomerSplitMonthlyTable). With several stores, store_id joins the key.
  const money = moneyColumnType(engine);
  const table = db.schema
    .createTable("sales_customer_split_monthly")
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("local_month", "text", (c) => c.notNull())
    .addColumn("fact", "text", (c) => c.notNull())
    .addColumn("fact_day", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("amount", money, (c) => c.notNull());
  await clusteredByPrimaryKey(table.addPrimaryKeyConstraint("sales_customer_split_monthly_pk", ["currency", "local_month", "fact", "fact_day"]), engine).execute();
  await fillCustomerSplitMonthly(db);
}

/**
 * Every paid sale's first / previous paid created_at within its (customer, currency), ties between equal
 * instants broken by id as lib/mirror/customer-facts.ts does. Idempotent (recomputes all).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function fillPaidFacts(db: Kysely<any>): Promise<void> {
  // A no-op on the fresh columns; a re-run clears the sales that left every chain.
  await sql`update sales set first_paid_at = null, prev_paid_at = null where first_paid_at is not null or prev_paid_at is not null`.execute(db);
  await sql`
    update sales set first_paid_at = chain.first_at, prev_paid_at = chain.prev_at
    from (
      select id,
        min(created_at) over (partition by customer_id, currency) as first_at,
        lag(created_at) over (partition by customer_id, currency order by created_at, id) as prev_at
      from sales
      where ${PAID} and customer_id is not null and currency is not null and created_at is not null
    ) as chain
    where sales.id = chain.id`.execute(db);
}

/**
 * The monthly table from the sales (their local days and facts), replacing its rows: the local day of a
 * sale's first / previous paid purchase is that sale's own local_day. Also after a timezone change
 * (lib/mirror/rebuild-rollups.ts), once local days are recomputed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function fillCustomerSplitMonthly(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("sales_customer_split_monthly").execute();
  await sql`
    with chain as (
      select currency, local_day, amount,
        first_value(local_day) over (partition by customer_id, currency order by created_at, id) as first_day,
        lag(local_day) over (partition by customer_id, currency order by created_at, id) as prev_day
      from sales
      where ${PAID} and customer_id is not null and currency is not null and created_at is not null
    ),
    facts as (
      select currency, local_day, amount, 'first' as fact, first_day as fact_day from chain
      union all
      select currency, local_day, amount, case when prev_day is null then 'no_prev' else 'prev' end, coalesce(prev_day, '') from chain
      union all
      select currency, local_day, amount, 'unknown', '' from sales
      where ${PAID} and customer_id is null and currency is not null and created_at is not null
    )
    insert into sales_customer_split_monthly (currency, local_month, fact, fact_day, count, amount)
    select currency, substr(local_day, 1, 7), fact, fact_day, count(*), coalesce(sum(amount), 0)
    from facts group by currency, substr(local_day, 1, 7), fact, fact_day`.execute(db);
}
