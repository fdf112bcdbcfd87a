// Migration 0017: new vs returning customers without a DISTINCT over a range's sales (issue 17). Each paid
// sale keeps, per (customer, currency), the created_at of the customer's first paid sale in that currency
// (`first_paid_at`) and of their previous one (`prev_paid_at`, null for the first), kept at write time by
// lib/mirror/customer-facts.ts. A range's split is then additive over its paid sales (lib/analytics
// revenue.ts getCustomerSplit), read from one covering partial index. Rows already mirrored get both
// columns from window functions here.
import "server-only";
import { sql, type Kysely } from "kysely";

// Restated, not imported: a migration must not follow later changes to app code (lib/chariow enum-values.ts
// PAID_SALE_STATUSES). Written as a literal so the partial index's condition is the one the queries repeat.
const PAID = sql.raw<boolean>(`status in ('completed', 'settled')`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sales").addColumn("first_paid_at", "text").execute();
  await db.schema.alterTable("sales").addColumn("prev_paid_at", "text").execute();
  await fillPaidFacts(db);
  // The split's only read: paid sales of one currency in a created_at range, every column it reads in the
  // index (index-only on both engines). Partial: unpaid sales (a third of the list inserts) skip it. status
  // too, although implied by the condition: without it SQLite 3.51 still reads each row for the query's
  // `status in (…)` (EXPLAIN QUERY PLAN says INDEX, not COVERING INDEX). With several stores, store_id
  // goes first.
  await db.schema
    .createIndex("sales_paid_customer_facts_idx")
    .on("sales")
    .columns(["currency", "created_at", "first_paid_at", "prev_paid_at", "amount", "status"])
    .where(PAID)
    .execute();
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
