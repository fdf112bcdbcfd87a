// Overview data speed (issue 5 target: < 100 ms server time, p95 over 50 random ranges, 1,000,000 sales
// in an SQLite mirror). Builds the mirror once through upsertSales (list summaries, every 4th page read
// in detail so fees and channels are partly known) and caches the file under /tmp, then times
// getOverview (and, for information, getRevenueReport) on 50 random ranges — presets and custom ranges,
// with and without comparison. With a PostgreSQL URL, the rollups and catalogue (everything the overview
// reads) are copied there and the same ranges are timed.
// New vs returning customers (issue 17): getCustomerSplit alone (whole months from the monthly split, edge
// days from the sales' covering index) on the same 50 ranges in XOF (the main currency, half the sales),
// and all time, against the naive answer in the same run — the query it replaced:
// paid sales of the range joined with customers.first_seen_at, COUNT(DISTINCT customer) per kind, through
// the indexes that existed before migration 0017 (its bound statuses cannot use the new partial index). The
// two answer different definitions (first seen vs first paid in the currency) over the same paid sales; the
// bench checks both count the same paid sales. With a PostgreSQL URL the sales and customers are copied too.
// Run: npx tsx --conditions=react-server bench/analytics-overview.ts [sales] [postgres://…]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { CompiledQuery, sql, type Kysely } from "kysely";
import { openDatabase, type Database, type Engine } from "../lib/db";
import { migrations } from "../lib/db/migrations";
import { upsertSales } from "../lib/mirror";
import { getOverview, resolveStoreRange } from "../lib/analytics/overview";
import { customerSplitQuery, getCustomerSplit, getRevenueReport, monthlySplitQuery, wholeMonthsOf } from "../lib/analytics/revenue";
import { addDays, startOfLocalDay } from "../lib/time";
import { RANGE_PRESETS, shiftDays, type RangeParams } from "../lib/analytics/date-range";
import type { Sale } from "../lib/chariow";
import { saleDetail, saleSummary, type SaleFacts, type SaleStatus } from "../tests/factories/sales";

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const PG_URL = process.argv[3] ?? process.env.BENCH_POSTGRES_URL;
const RUNS = 50;
const TZ = "Africa/Abidjan";
const START = Date.UTC(2025, 0, 1);
const SPAN_DAYS = 540;
const NOW = new Date(START + SPAN_DAYS * 86_400_000);
const STATUSES: SaleStatus[] = ["completed", "completed", "completed", "settled", "settled", "failed", "abandoned", "awaiting_payment"];
const CURRENCIES = ["XOF", "XOF", "XOF", "XAF", "EUR", "USD"];
const CHANNELS = ["store", "affiliate", "discover", "widget", "api"] as const;
// Keyed by the schema (the last migration) too: a file built by another branch's migrations would not open.
const CACHE = path.join(os.tmpdir(), "chariow-bench", `analytics-${TOTAL}-${migrations.at(-1)![0]}.db`);

function facts(i: number): SaleFacts {
  const h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const status = STATUSES[h % STATUSES.length]!;
  const created = new Date(START + Math.floor(((TOTAL - i) / TOTAL) * SPAN_DAYS * 86_400_000)).toISOString();
  const paid = status === "completed" || status === "settled";
  return {
    id: `sal_${i.toString(36).padStart(8, "0")}`,
    status,
    currency: CURRENCIES[(h >>> 3) % CURRENCIES.length],
    originalMinor: 1000 + ((h >>> 5) % 50) * 500,
    discountMinor: (h >>> 11) % 5 === 0 ? 500 : 0,
    discountCode: (h >>> 11) % 5 === 0 ? `CODE${(h >>> 13) % 8}` : null,
    createdAt: created,
    completedAt: paid ? created : null,
    productId: `prd_${(h >>> 17) % 40}`,
    customerId: `cus_${(h >>> 7) % 200_000}`,
    email: `c${(h >>> 7) % 200_000}@example.com`,
    country: ["CI", "SN", "BJ", "CM"][(h >>> 21) % 4],
    channel: CHANNELS[(h >>> 23) % CHANNELS.length],
    campaignId: (h >>> 25) % 7 === 0 ? `cmp_${(h >>> 27) % 5}` : null,
    gatewayFeeMinor: paid ? 150 : null,
    serviceFeeMinor: paid ? 250 : null,
    settlementNetMinor: paid ? 4000 : null,
  };
}

async function buildSqlite(): Promise<string> {
  const url = `file:${CACHE}`;
  if (fs.existsSync(CACHE)) {
    console.log(`reusing ${CACHE}`);
    return url;
  }
  fs.mkdirSync(path.dirname(CACHE), { recursive: true });
  const tmp = `${CACHE}.building`;
  fs.rmSync(tmp, { force: true });
  const opened = await openDatabase(`file:${tmp}`);
  const receivedAt = new Date().toISOString();
  const t0 = performance.now();
  for (let i = 0; i < TOTAL; i += 100) {
    const detail = (i / 100) % 4 === 0;
    const pageOfSales: Sale[] = [];
    for (let j = i; j < Math.min(i + 100, TOTAL); j++) pageOfSales.push(detail ? saleDetail(facts(j)) : saleSummary(facts(j)));
    await upsertSales(opened.db, pageOfSales, { source: detail ? "detail" : "list", receivedAt, timeZone: TZ });
    if (i % 100_000 === 0 && i > 0) console.log(`  ${i.toLocaleString("en-US")} sales, ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  await opened.close();
  fs.renameSync(tmp, CACHE);
  console.log(`built ${TOTAL.toLocaleString("en-US")} sales in ${Math.round((performance.now() - t0) / 1000)} s`);
  return url;
}

/** Deterministic pseudo-random ranges: half presets (with and without comparison), half custom spans. */
function ranges(): RangeParams[] {
  let seed = 42;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const first = new Date(START).toISOString().slice(0, 10);
  const out: RangeParams[] = [];
  for (let i = 0; i < RUNS; i++) {
    const compare = (["none", "previous", "year"] as const)[Math.floor(rnd() * 3)]!;
    if (i % 2 === 0) {
      const range = RANGE_PRESETS.filter((p) => p !== "custom")[Math.floor(rnd() * 10)]!;
      out.push({ range, compare });
    } else {
      const from = shiftDays(first, Math.floor(rnd() * SPAN_DAYS));
      const to = shiftDays(from, Math.floor(rnd() * 400));
      out.push({ range: "custom", from, to: to > shiftDays(first, SPAN_DAYS) ? shiftDays(first, SPAN_DAYS) : to, compare });
    }
  }
  return out;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function time(label: string, url: string, withRevenue: boolean): Promise<void> {
  const opened = await openDatabase(url);
  const list = ranges();
  await getOverview(opened.db, { range: "last30", compare: "previous" }, { timeZone: TZ, now: NOW }); // warm-up
  const overview: number[] = [];
  const revenue: number[] = [];
  for (const params of list) {
    let t0 = performance.now();
    await getOverview(opened.db, params, { timeZone: TZ, now: NOW });
    overview.push(performance.now() - t0);
    if (withRevenue) {
      t0 = performance.now();
      await getRevenueReport(opened.db, params, { timeZone: TZ, now: NOW });
      revenue.push(performance.now() - t0);
    }
  }
  console.log(`${label} overview: p50 ${ms(pct(overview, 50))}, p95 ${ms(pct(overview, 95))}, max ${ms(Math.max(...overview))} over ${list.length} ranges`);
  if (withRevenue) console.log(`${label} revenue report (info): p50 ${ms(pct(revenue, 50))}, p95 ${ms(pct(revenue, 95))}, max ${ms(Math.max(...revenue))}`);
  await opened.close();
}

const SPLIT_CURRENCY = "XOF";

/** The split as it was before migration 0017: paid sales joined with customers, DISTINCT customers per kind. */
async function naiveSplit(db: Kysely<Database>, start: string, end: string, currency: string) {
  const kind = sql<string>`case when customers.first_seen_at >= ${start} then 'new' else 'returning' end`;
  return db
    .selectFrom("sales")
    .leftJoin("customers", "customers.id", "sales.customer_id")
    .select((eb) => [
      sql<string>`case when sales.customer_id is null then 'unknown' else ${kind} end`.as("kind"),
      eb.fn.count<number>("sales.customer_id").distinct().as("customers"),
      eb.fn.countAll<number>().as("paid_count"),
      eb.fn.sum<number>("sales.amount").as("revenue"),
    ])
    .where("sales.status", "in", ["completed", "settled"])
    .where("sales.created_at", ">=", start)
    .where("sales.created_at", "<", end)
    .where("sales.currency", "=", currency)
    .groupBy(sql`1`)
    .execute();
}

/** getCustomerSplit alone on the 50 ranges and all time, the naive query in the same run; prints the plan. */
async function timeCustomerSplit(label: string, url: string, engine: Engine): Promise<void> {
  const opened = await openDatabase(url);
  const db = opened.db;
  const ctx = { timeZone: TZ, now: NOW };
  const resolved = await Promise.all(ranges().map((p) => resolveStoreRange(db, p, ctx)));
  const all = await resolveStoreRange(db, { range: "all", compare: "none" }, ctx);
  const bounds = (r: { from: string; to: string }) => [startOfLocalDay(r.from, TZ), startOfLocalDay(addDays(r.to, 1), TZ)] as const;
  const [allStart, allEnd] = bounds(all);
  const months = wholeMonthsOf(all)!;
  const edgeFrom = startOfLocalDay(addDays(all.to, -24), TZ); // the all-time range's last 25 days, as an edge
  for (const [what, query] of [
    ["edge days (last 25 days of all time)", customerSplitQuery(db, allStart, edgeFrom, allEnd, SPLIT_CURRENCY)],
    ["whole months (all time)", monthlySplitQuery(db, all.from, months.first, months.last, SPLIT_CURRENCY)],
  ] as const) {
    const compiled = query.compile();
    const plan = await db.executeQuery(CompiledQuery.raw(`${engine === "sqlite" ? "explain query plan" : "explain"} ${compiled.sql}`, [...compiled.parameters]));
    console.log(`${label} customer split plan, ${what}:\n  ${plan.rows.map((r) => Object.values(r as object).filter((v) => typeof v === "string").join(" ")).join("\n  ")}`);
  }
  await getCustomerSplit(db, all, SPLIT_CURRENCY, TZ); // warm-up
  await naiveSplit(db, allStart, allEnd, SPLIT_CURRENCY);
  const fast: number[] = [];
  const naive: number[] = [];
  let mismatches = 0;
  for (const range of resolved) {
    let t0 = performance.now();
    const split = await getCustomerSplit(db, range, SPLIT_CURRENCY, TZ);
    fast.push(performance.now() - t0);
    const [start, end] = bounds(range);
    t0 = performance.now();
    const old = await naiveSplit(db, start, end, SPLIT_CURRENCY);
    naive.push(performance.now() - t0);
    // Different definitions, the same paid sales: both must count every one of them once.
    const paid = split.customers[0]!.paidCount + split.customers[1]!.paidCount + split.unknownCustomerSales;
    if (paid !== old.reduce((n, r) => n + Number(r.paid_count), 0)) mismatches++;
  }
  const allTime: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await getCustomerSplit(db, all, SPLIT_CURRENCY, TZ);
    allTime.push(performance.now() - t0);
  }
  const t0 = performance.now();
  await naiveSplit(db, allStart, allEnd, SPLIT_CURRENCY);
  const naiveAll = performance.now() - t0;
  await opened.close();
  const r1 = (x: number) => Math.round(x * 10) / 10;
  console.log(`${label} customer split (${SPLIT_CURRENCY}): p50 ${ms(pct(fast, 50))}, p95 ${ms(pct(fast, 95))}, max ${ms(Math.max(...fast))}; naive p50 ${ms(pct(naive, 50))}, max ${ms(Math.max(...naive))}; all time ${ms(pct(allTime, 50))} (naive ${ms(naiveAll)}); paid-count mismatches ${mismatches}`);
  const result = { sales: TOTAL, engine, p50Ms: r1(pct(fast, 50)), p95Ms: r1(pct(fast, 95)), maxMs: r1(Math.max(...fast)), naiveMs: r1(pct(naive, 50)), allTimeMs: r1(pct(allTime, 50)), naiveAllTimeMs: r1(naiveAll) };
  console.log(`RESULT-customer-split ${JSON.stringify(result)}`);
}

/** Copies the columns the customer split (and its naive query) read, and the customers, into PostgreSQL. */
async function copySalesToPostgres(source: Kysely<Database>, target: Kysely<Database>): Promise<void> {
  const columns = ["id", "status", "currency", "created_at", "customer_id", "amount", "first_paid_at", "prev_paid_at", "settled", "source", "source_at"] as const;
  let after = "";
  let copied = 0;
  for (;;) {
    const rows = await source.selectFrom("sales").select(columns).where("id", ">", after).orderBy("id").limit(20_000).execute();
    if (rows.length === 0) break;
    for (let i = 0; i < rows.length; i += 2000) await target.insertInto("sales").values(rows.slice(i, i + 2000)).execute();
    after = rows.at(-1)!.id;
    copied += rows.length;
  }
  const customers = await source.selectFrom("customers").selectAll().execute();
  for (let i = 0; i < customers.length; i += 5000) await target.insertInto("customers").values(customers.slice(i, i + 5000)).execute();
  const months = await source.selectFrom("sales_customer_split_monthly").selectAll().execute();
  for (let i = 0; i < months.length; i += 5000) await target.insertInto("sales_customer_split_monthly").values(months.slice(i, i + 5000)).execute();
  console.log(`  copied ${copied.toLocaleString("en-US")} sales (split columns), ${customers.length.toLocaleString("en-US")} customers, ${months.length.toLocaleString("en-US")} monthly split rows`);
}

/** Copies what the overview reads (rollups, products) from the SQLite mirror into a fresh PostgreSQL database. */
async function copyToPostgres(sqliteUrl: string, adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_analytics_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const source = await openDatabase(sqliteUrl);
  const target = await openDatabase(url.toString());
  for (const table of ["sales_rollup_daily", "products"] as const) {
    const rows = await source.db.selectFrom(table).selectAll().execute();
    for (let i = 0; i < rows.length; i += 1000) await target.db.insertInto(table).values(rows.slice(i, i + 1000) as never).execute();
    console.log(`  copied ${rows.length.toLocaleString("en-US")} ${table} rows`);
  }
  await copySalesToPostgres(source.db, target.db);
  // A live database is vacuumed and analysed by autovacuum (the visibility map lets index-only scans skip
  // the heap); a bulk copy is timed right away, so do it first.
  await sql`vacuum analyze`.execute(target.db);
  await source.close();
  await target.close();
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const url = await buildSqlite();
const opened = await openDatabase(url);
const rollups = await opened.db.selectFrom("sales_rollup_daily").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
await opened.close();
console.log(`${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}; ${TOTAL.toLocaleString("en-US")} sales, ${Number(rollups.n).toLocaleString("en-US")} rollup rows`);
await time("SQLite", url, true);
await timeCustomerSplit("SQLite", url, "sqlite");
if (PG_URL) {
  const copy = await copyToPostgres(url, PG_URL);
  try {
    await time("PostgreSQL", copy.url, false);
    await timeCustomerSplit("PostgreSQL", copy.url, "postgres");
  } finally {
    await copy.drop();
  }
}
