// Overview and Revenue speed at 1,000,000 sales (issue 17 targets: Overview p95 ≤ 50 ms, Revenue — every
// breakdown and new vs returning — p95 ≤ 150 ms; PostgreSQL ≤ 1.5 × SQLite). Builds the mirror once through
// upsertSales (list summaries, every 4th page read in detail so fees and channels are partly known) and
// caches the file under /tmp, then times the app's own getOverview and getRevenueReport on 50 ranges —
// presets and custom spans up to 400 days, with and without comparison. In the same run it times the NAIVE
// answer to the same questions on the first 10 ranges: the same figures as direct aggregates over the
// `sales` table (KPI sums per currency × status, paid per day, top products, each breakdown's GROUP BY, the
// new-vs-returning join with customers), i.e. what the pages would cost without rollups.
// With a PostgreSQL URL the SQLite mirror (sales without raw_json, customers, products, rollups) is copied
// into a fresh PostgreSQL database, analysed, and everything is timed there instead.
// `revenue-customer-split` times getCustomerSplit alone (XOF; whole months from sales_customer_split_monthly,
// edge days from the sales' covering index, migration 0017) against the query it replaced: paid sales of the
// range joined with customers.first_seen_at, COUNT(DISTINCT customer) per kind.
// Last line: RESULT {"sales":N,"engine":…,"views":{"overview":{p50Ms,p95Ms,maxMs,naiveMs},"revenue":{…},…}}
// Run: npx tsx --conditions=react-server bench/analytics-overview.ts [sales] [postgres://…]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { sql, type Kysely } from "kysely";
import { openDatabase, type Database } from "../lib/db";
import { upsertSales } from "../lib/mirror";
import { getOverview } from "../lib/analytics/overview";
import { getCustomerSplit, getRevenueReport } from "../lib/analytics/revenue";
import { getPaymentsReport } from "../lib/payments/health";
import { RANGE_PRESETS, shiftDays, type DayRange, type RangeParams } from "../lib/analytics/date-range";
import { resolveStoreRange } from "../lib/analytics/overview";
import { addDays, startOfLocalDay } from "../lib/time";
import type { Sale } from "../lib/chariow";
import { saleDetail, saleSummary, type SaleFacts, type SaleStatus } from "../tests/factories/sales";

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const PG_URL = process.argv[3] ?? process.env.BENCH_POSTGRES_URL;
const RUNS = 50;
const NAIVE_RUNS = 10;
const TZ = "Africa/Abidjan";
const START = Date.UTC(2025, 0, 1);
const SPAN_DAYS = 540;
const NOW = new Date(START + SPAN_DAYS * 86_400_000);
const STATUSES: SaleStatus[] = ["completed", "completed", "completed", "settled", "settled", "failed", "abandoned", "awaiting_payment"];
const CURRENCIES = ["XOF", "XOF", "XOF", "XAF", "EUR", "USD"];
const CHANNELS = ["store", "affiliate", "discover", "widget", "api"] as const;
// v2 (issue 20): sales carry a payment method (in details), a failure code and a checkout → payment time,
// so the Payments view's rollups have realistic cardinality.
const CACHE = path.join(os.tmpdir(), "chariow-bench", `analytics-v2-${TOTAL}.db`);
const METHODS = ["mtn_momo", "orange_money", "wave", "moov_money", "card", "paypal"];
const FAILURE_CODES = ["insufficient_funds", "timeout", "card_declined", "invalid_otp", "transaction_limit_exceeded"];

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
    completedAt: paid ? new Date(Date.parse(created) + 1000 * (30 + ((h >>> 9) % 900))).toISOString() : null,
    paymentMethod: METHODS[(h >>> 14) % METHODS.length],
    failureCode: FAILURE_CODES[(h >>> 19) % FAILURE_CODES.length],
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
const round1 = (x: number) => Math.round(x * 10) / 10;
type ViewResult = { p50Ms: number; p95Ms: number; maxMs: number; naiveMs: number };
const view = (times: number[], naive: number[]): ViewResult => ({ p50Ms: round1(pct(times, 50)), p95Ms: round1(pct(times, 95)), maxMs: round1(Math.max(...times)), naiveMs: round1(pct(naive, 50)) });

const PAID = sql.join(["completed", "settled"].map((x) => sql.lit(x)));
const DIMENSION_SQL = {
  product: sql`coalesce(product_id, 'unknown')`,
  channel: sql`coalesce(channel, 'unknown')`,
  discount: sql`coalesce(discount_code, discount_id, 'unknown')`,
  campaign: sql`coalesce(campaign_id, 'unknown')`,
  country: sql`coalesce(shipping_country, context_country, 'unknown')`,
  payment_method: sql`coalesce(payment_method_id, payment_method_name, 'unknown')`,
  payment_gateway: sql`coalesce(payment_gateway, 'unknown')`,
};

/** The Overview's figures straight from the sales table (what a mirror without rollups would run). */
async function naiveOverview(db: Kysely<Database>, range: DayRange, compare: DayRange | null): Promise<void> {
  const periods = compare ? [range, compare] : [range];
  await Promise.all([
    ...periods.map((r) => sql`select currency, status, count(*), sum(amount), sum(discount_amount), sum(gateway_fee), sum(service_fee), sum(settlement_net) from sales where local_day >= ${r.from} and local_day <= ${r.to} group by currency, status`.execute(db)),
    ...periods.map((r) => sql`select local_day, currency, count(*), sum(amount) from sales where local_day >= ${r.from} and local_day <= ${r.to} and status in (${PAID}) group by local_day, currency`.execute(db)),
    sql`select currency, product_id, count(*), sum(amount) from sales where local_day >= ${range.from} and local_day <= ${range.to} and status in (${PAID}) group by currency, product_id`.execute(db),
  ]);
}

/** New vs returning as it was read before migration 0017: paid sales joined with customers, DISTINCT. */
function naiveSplit(db: Kysely<Database>, range: DayRange, currency: string) {
  const start = startOfLocalDay(range.from, TZ);
  const end = startOfLocalDay(addDays(range.to, 1), TZ);
  return sql`select case when sales.customer_id is null then 'unknown' when customers.first_seen_at >= ${start} then 'new' else 'returning' end, count(distinct sales.customer_id), count(*), sum(sales.amount)
      from sales left join customers on customers.id = sales.customer_id
      where sales.status in (${PAID}) and sales.created_at >= ${start} and sales.created_at < ${end} and sales.currency = ${currency} group by 1`.execute(db);
}

/** The Revenue page's figures straight from the sales table: KPIs, seven GROUP BYs, the customers join. */
async function naiveRevenue(db: Kysely<Database>, range: DayRange, currency: string): Promise<void> {
  await Promise.all([
    sql`select currency, status, count(*), sum(amount) from sales where local_day >= ${range.from} and local_day <= ${range.to} group by currency, status`.execute(db),
    ...Object.values(DIMENSION_SQL).map((d) => sql`select status, ${d}, count(*), sum(amount), sum(discount_amount) from sales where currency = ${currency} and local_day >= ${range.from} and local_day <= ${range.to} group by status, ${d}`.execute(db)),
    naiveSplit(db, range, currency),
  ]);
}

/**
 * The Payments view's questions straight from `sales` (issue 20): attempts, failures and value per method ×
 * country × failure code for the range and its comparison, and the checkout → payment times of the paid
 * sales (sorted for the medians).
 */
async function naivePayments(db: Kysely<Database>, range: DayRange, compare: DayRange | null, currency: string): Promise<void> {
  const method = sql`coalesce(payment_method_id, payment_method_name)`;
  const country = sql`coalesce(shipping_country, context_country)`;
  await Promise.all([
    ...[range, ...(compare ? [compare] : [])].map((r) =>
      sql`select ${method}, ${country}, status, failure_code, count(*), sum(amount) from sales where currency = ${currency} and local_day >= ${r.from} and local_day <= ${r.to} group by ${method}, ${country}, status, failure_code`.execute(db),
    ),
    sql`select ${method}, ${country}, created_at, completed_at from sales where currency = ${currency} and local_day >= ${range.from} and local_day <= ${range.to} and status in ('completed', 'settled') order by 1, 2`.execute(db),
  ]);
}

async function time(label: string, url: string): Promise<Record<"overview" | "revenue" | "revenue-customer-split" | "payments", ViewResult>> {
  const opened = await openDatabase(url);
  const { db } = opened;
  const list = ranges();
  const ctx = { timeZone: TZ, now: NOW };
  await getOverview(db, { range: "last30", compare: "previous" }, ctx); // warm-up
  await getRevenueReport(db, { range: "last30", compare: "none" }, ctx);
  const overview: number[] = [];
  const revenue: number[] = [];
  for (const [i, params] of list.entries()) {
    let t0 = performance.now();
    await getOverview(db, params, ctx);
    overview.push(performance.now() - t0);
    t0 = performance.now();
    // The main currency by default (the page's first tab); every fifth range another tab.
    await getRevenueReport(db, { ...params, ...(i % 5 === 4 ? { currency: "EUR" } : {}) }, ctx);
    revenue.push(performance.now() - t0);
  }
  // The Payments view: the main currency, every fifth range another tab (as Revenue), the degraded-now scan included.
  await getPaymentsReport(db, { range: "last30", compare: "previous" }, ctx);
  const payments: number[] = [];
  for (const [i, params] of list.entries()) {
    const t0 = performance.now();
    await getPaymentsReport(db, { ...params, ...(i % 5 === 4 ? { currency: "EUR" } : {}) }, ctx);
    payments.push(performance.now() - t0);
  }
  const naivePaymentsMs: number[] = [];
  for (const [i, params] of list.slice(0, NAIVE_RUNS).entries()) {
    const range = await resolveStoreRange(db, params, ctx);
    const t0 = performance.now();
    await naivePayments(db, range, range.compare, i % 5 === 4 ? "EUR" : "XOF");
    naivePaymentsMs.push(performance.now() - t0);
  }
  const split: number[] = [];
  const naiveSplitMs: number[] = [];
  for (const params of list) {
    const range = await resolveStoreRange(db, params, ctx);
    const t0 = performance.now();
    await getCustomerSplit(db, range, "XOF", TZ);
    split.push(performance.now() - t0);
  }
  const naiveOverviewMs: number[] = [];
  const naiveRevenueMs: number[] = [];
  for (const [i, params] of list.slice(0, NAIVE_RUNS).entries()) {
    const range = await resolveStoreRange(db, params, ctx);
    let t0 = performance.now();
    await naiveOverview(db, range, range.compare);
    naiveOverviewMs.push(performance.now() - t0);
    t0 = performance.now();
    await naiveRevenue(db, range, i % 5 === 4 ? "EUR" : "XOF");
    naiveRevenueMs.push(performance.now() - t0);
    t0 = performance.now();
    await naiveSplit(db, range, "XOF");
    naiveSplitMs.push(performance.now() - t0);
  }
  await opened.close();
  const result = { overview: view(overview, naiveOverviewMs), revenue: view(revenue, naiveRevenueMs), "revenue-customer-split": view(split, naiveSplitMs), payments: view(payments, naivePaymentsMs) };
  for (const [name, r] of Object.entries(result)) {
    console.log(`${label} ${name}: p50 ${ms(r.p50Ms)}, p95 ${ms(r.p95Ms)}, max ${ms(r.maxMs)} over ${list.length} ranges; naive median ${ms(r.naiveMs)} over ${NAIVE_RUNS} (${(r.naiveMs / r.p50Ms).toFixed(0)}× the p50)`);
  }
  return result;
}

/** Copies the SQLite mirror's analytic tables into a fresh PostgreSQL database (unnest: one parameter a column). */
async function copyToPostgres(sqliteUrl: string, adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  // BENCH_PG_KEEP=<name>: copy into that database once and keep it, later runs reuse it (for iterating on
  // PostgreSQL's plans without a 1M-row copy each time; drop it by hand when done).
  const kept = process.env.BENCH_PG_KEEP;
  const name = kept ?? `bench_analytics_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = kept !== undefined && (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (exists) {
    console.log(`reusing PostgreSQL database ${name} (BENCH_PG_KEEP)`);
    return { url: url.toString(), drop: async () => {} };
  }
  const source = await openDatabase(sqliteUrl);
  const target = await openDatabase(url.toString()); // migrations create the same schema
  await target.close();
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const raw = (source.db as unknown as Kysely<Record<string, Record<string, unknown>>>);
  for (const table of ["sales", "customers", "products", "sales_rollup_daily", "sales_rollup_monthly", "sales_customer_split_monthly"]) {
    const types = new Map(
      (await client.query(`select column_name, udt_name from information_schema.columns where table_name = $1`, [table])).rows.map((r: { column_name: string; udt_name: string }) => [r.column_name, r.udt_name]),
    );
    const columns = [...types.keys()].filter((c) => c !== "raw_json");
    const list = columns.map((c) => `"${c}"`).join(", ");
    const unnest = columns.map((c, i) => `$${i + 1}::${types.get(c)}[]`).join(", ");
    let copied = 0;
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      await client.query(`insert into ${table} (${list}) select * from unnest(${unnest})`, columns.map((c) => batch.map((r) => r[c] ?? null)));
      copied += batch.length;
      batch = [];
    };
    for await (const row of raw.selectFrom(table).select(columns).stream(5_000)) {
      batch.push(row);
      if (batch.length === 20_000) await flush();
    }
    if (batch.length > 0) await flush();
    console.log(`  copied ${copied.toLocaleString("en-US")} ${table} rows`);
  }
  // A live database is analysed by autovacuum; a bulk copy is timed right away, so vacuum and analyse it first.
  await client.query("vacuum analyze");
  await client.end();
  await source.close();
  return {
    url: url.toString(),
    drop: async () => {
      if (kept !== undefined) return;
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
const monthly = await opened.db.selectFrom("sales_rollup_monthly").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
await opened.close();
console.log(`${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${new Date().toISOString()}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; ${TOTAL.toLocaleString("en-US")} sales, ${Number(rollups.n).toLocaleString("en-US")} daily and ${Number(monthly.n).toLocaleString("en-US")} monthly rollup rows`);
let engine = "sqlite";
let views: Awaited<ReturnType<typeof time>>;
if (PG_URL) {
  const copy = await copyToPostgres(url, PG_URL);
  try {
    engine = "postgresql";
    views = await time("PostgreSQL", copy.url);
  } finally {
    await copy.drop();
  }
} else {
  views = await time("SQLite", url);
}
console.log(`RESULT ${JSON.stringify({ sales: TOTAL, engine, views })}`);
