// PostgreSQL reads the rollups like SQLite does (migration 0025, issue 17): every statement the Overview and
// the Revenue page run over sales_rollup_daily / sales_rollup_monthly is an index-only scan of the table's
// primary key (the sums ride in it: no heap row per rollup row), and the planner never gives those reads
// parallel workers, even when parallelism is made free. Plans, not timings; PostgreSQL only (SQLite's rollup
// tables are WITHOUT ROWID, their own covering index).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type CompiledQuery } from "kysely";
import { openDatabase, type OpenedDatabase } from "@/lib/db";
import { getOverview } from "@/lib/analytics/overview";
import { getRevenueReport } from "@/lib/analytics/revenue";
import { upsertSales } from "@/lib/mirror";
import { createTestDatabase, noticePostgresSkipped, type TestDatabase } from "../db/engines";
import { statementsOf } from "../lists/query-plans";
import { rng } from "../../factories/rng";
import { saleDetail, type SaleStatus } from "../../factories/sales";

const TZ = "Africa/Abidjan";
const NOW = new Date("2026-04-02T12:00:00Z");
const START = Date.parse("2025-11-01T00:00:00Z");
const { next: rand, pick } = rng(25);

const postgres = process.env.TEST_POSTGRES_URL ? describe : describe.skip;

postgres("rollup reads on PostgreSQL [postgres]", () => {
  let target: TestDatabase;
  let opened: OpenedDatabase;
  beforeAll(async () => {
    target = await createTestDatabase("postgres");
    opened = await openDatabase(target.url);
    const sales = Array.from({ length: 600 }, (_, i) => {
      const createdAt = new Date(START + Math.floor(rand() * 150 * 24) * 3_600_000).toISOString();
      const status = pick<SaleStatus>(["completed", "settled", "failed", "abandoned"]);
      return saleDetail({
        id: `sal_p${String(i).padStart(4, "0")}`, status, currency: pick(["XOF", "EUR"]), originalMinor: pick([2500, 4900]), discountMinor: 0,
        productId: pick(["prd_a", "prd_b", "prd_c"]), channel: pick(["store", "widget"] as const), createdAt, email: `c${i % 50}@example.com`,
      });
    });
    for (let i = 0; i < sales.length; i += 100) await upsertSales(opened.db, sales.slice(i, i + 100), { source: "detail", receivedAt: NOW.toISOString(), timeZone: TZ });
    // What autovacuum does on a live store: marks the pages all-visible, so an index-only scan skips the heap.
    await sql`vacuum analyze sales_rollup_daily`.execute(opened.db);
    await sql`vacuum analyze sales_rollup_monthly`.execute(opened.db);
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
    await target?.drop();
  });

  it("answers every Overview and Revenue rollup statement index-only, without parallel workers", async () => {
    const ctx = { timeZone: TZ, now: NOW };
    // A range with edge days on both sides and whole months between, with a comparison: every reader, both tables.
    const statements = await statementsOf(opened.db, async (spy) => {
      await getOverview(spy, { range: "custom", from: "2025-11-10", to: "2026-03-20", compare: "previous" }, ctx);
      await getOverview(spy, { range: "custom", from: "2025-11-10", to: "2026-03-20", compare: "none", interval: "month" }, ctx);
      await getRevenueReport(spy, { range: "custom", from: "2025-11-10", to: "2026-03-20", compare: "none" }, ctx);
    });
    const rollupReads = statements.filter((q) => /from "sales_rollup_(daily|monthly)"/.test(q.sql));
    expect(rollupReads.length).toBeGreaterThanOrEqual(10); // per Overview: KPIs, days (each with its comparison), products; Revenue: KPIs, seven breakdowns
    await opened.db.connection().execute(async (conn) => {
      // A tiny table would be read sequentially, and parallel plans would cost more than they save: make the
      // index and parallelism look free, so only what the schema allows decides.
      for (const setting of ["enable_seqscan = off", "enable_bitmapscan = off", "parallel_setup_cost = 0", "parallel_tuple_cost = 0", "min_parallel_table_scan_size = 0", "min_parallel_index_scan_size = 0"]) {
        await sql.raw(`set ${setting}`).execute(conn);
      }
      for (const q of rollupReads) {
        const { rows } = await conn.executeQuery<{ "QUERY PLAN": string }>({ ...q, sql: `explain (analyze, costs off, timing off, summary off) ${q.sql}` } as CompiledQuery<{ "QUERY PLAN": string }>);
        const plan = rows.map((r) => r["QUERY PLAN"]);
        // The rollups' scans; the top products' names are a primary-key lookup in `products` after the sums.
        const scans = plan.filter((line) => /Scan/.test(line) && /sales_rollup_/.test(line));
        expect(scans.length, q.sql).toBeGreaterThan(0);
        for (const scan of scans) expect(scan, `${q.sql}\n${plan.join("\n")}`).toMatch(/Index Only Scan using sales_rollup_(daily|monthly)_pk/);
        // "Index Only Scan" is what the covering key allows (without INCLUDE the plan is "Index Scan"). Its heap
        // fetches are not asserted: they follow the visibility map, which another test file's open
        // transaction on the same server can keep VACUUM from setting (seen in CI: "Heap Fetches: 9").
        expect(plan.filter((line) => /Gather|Parallel/.test(line)), plan.join("\n")).toEqual([]);
      }
    });
  });
});
noticePostgresSkipped("rollup reads on PostgreSQL");
