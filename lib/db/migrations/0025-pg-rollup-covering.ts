// Migration 0025 (issue 17, PostgreSQL within 1.5 × SQLite on the Overview and Revenue): PostgreSQL only.
// SQLite keeps each rollup table clustered by its primary key (WITHOUT ROWID, migrations 0002 and 0016), so
// a range of keys reads its sums in the same B-tree pages. PostgreSQL's primary key pointed into a heap in
// insertion order: a year's top products read ~7,000 daily rows, each a random heap fetch after the index
// (bench/analytics-overview.ts, EXPLAIN ANALYZE: 15 of the 24 ms of the slowest statement). The primary key
// now carries the summed columns (INCLUDE), so every rollup read is an index-only scan — one index still,
// not a second covering one that every rollup upsert would also write. The trade: an upsert that changes
// a sum changes an indexed column, so it is no longer a HOT update (docs/deploy.md "PostgreSQL").
// And the rollup tables never get parallel workers: their reads are a few thousand index entries, for which
// launching workers (processes) cost more than the scan — the planner chose a parallel plan for the longest
// ranges, whose statements were the p95 (docs/deploy.md). The Sales table's own scans keep parallelism.
// Several stores later: store_id first in both keys, as in 0016.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Engine } from "../engine-sql";

// Restated, not imported: a migration must not follow later changes to app code.
const SUMS = ["count", "original_amount", "amount", "discount_amount", "gateway_fee", "gateway_fee_known_count", "service_fee", "settlement_net", "settlement_known_count"];
const TABLES = [
  { table: "sales_rollup_daily", period: "local_day" },
  { table: "sales_rollup_monthly", period: "local_month" },
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine !== "postgres") return; // SQLite's rollup tables are already their own covering index
  const sums = sql.join(SUMS.map((c) => sql.ref(c)));
  for (const { table, period } of TABLES) {
    const pk = sql.id(`${table}_pk`);
    // One statement: the table is never without its key (the upserts' ON CONFLICT needs it).
    await sql`
      alter table ${sql.table(table)}
        drop constraint ${pk},
        add constraint ${pk} primary key (dimension, ${sql.ref(period)}, currency, status, dimension_value) include (${sums})
    `.execute(db);
    await sql`alter table ${sql.table(table)} set (parallel_workers = 0)`.execute(db);
  }
}
