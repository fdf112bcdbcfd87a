// Overview data speed (issue 5 target: < 100 ms server time, p95 over 50 random ranges, 1,000,000 sales
// in an SQLite mirror). Builds the mirror once through upsertSales (list summaries, every 4th page read
// in detail so fees and channels are partly known) and caches the file under /tmp, then times
// getOverview (and, for information, getRevenueReport) on 50 random ranges — presets and custom ranges,
// with and without comparison. With a PostgreSQL URL, the rollups and catalogue (everything the overview
// reads) are copied there and the same ranges are timed.
// Run: npx tsx --conditions=react-server bench/analytics-overview.ts [sales] [postgres://…]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { sql } from "kysely";
import { openDatabase } from "../lib/db";
import { upsertSales } from "../lib/mirror";
import { getOverview } from "../lib/analytics/overview";
import { getRevenueReport } from "../lib/analytics/revenue";
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
const CACHE = path.join(os.tmpdir(), "chariow-bench", `analytics-${TOTAL}.db`);

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
  // A live database is analysed by autovacuum; a bulk copy is timed right away, so analyse it first.
  await sql`analyze`.execute(target.db);
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
if (PG_URL) {
  const copy = await copyToPostgres(url, PG_URL);
  try {
    await time("PostgreSQL", copy.url, false);
  } finally {
    await copy.drop();
  }
}
