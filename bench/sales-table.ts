// Sales table at 1,000,000 sales (issue 17 targets): a filtered, sorted page (p95 ≤ 100 ms over a mix that
// sorts by every sortable column, both directions, first pages and a few page-20s, with and without
// filters), free-text search, the totals of the same filters (≤ 150 ms), and the full CSV export
// (≥ 100,000 rows/s with the process's memory growing < 100 MB). SQLite. The generated database is cached
// under /tmp so reruns skip the generation (delete it, or pass another size, to rebuild;
// SALES_BENCH_DB=<file> uses a copy, e.g. so a run with new migrations does not migrate the shared file).
// "Naive" (timed in the same run, once per question): the obvious SQL over `sales NOT INDEXED` — the same
// WHERE (lib/sales/sales-query.ts whereSales), `ORDER BY <column> NULLS LAST, id LIMIT/OFFSET` for a page,
// `GROUP BY currency` with the same sums for totals, and for the export one `ORDER BY created_at DESC, id
// DESC` over every row read through better-sqlite3 (no CSV formatting) — so no index, new or old, helps it.
// Run: npx tsx --conditions=react-server bench/sales-table.ts [sales] [export]
// ("export" measures only the export, in a fresh process, so its memory growth is not hidden by a heap
// the queries before it already grew.)
import fs from "node:fs";
import os from "node:os";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { openDatabase, type OpenedDatabase } from "../lib/db";
import { rebuildRollups } from "../lib/mirror";
import { listSales, salesTotals } from "../lib/sales";
import { exportSalesCsv, SALE_EXPORT_COLUMNS, type SaleExportColumn } from "../lib/sales/export-sales";
import { salesViewSchema, type SalesFiltersInput } from "../lib/sales/schemas";
import { sortExpression, whereSales, type SalesQueryContext } from "../lib/sales/sales-query";
import { SALE_SORT_COLUMNS, type SaleSortColumn } from "../lib/sales/view-query";
import { PAID_SALE_STATUSES } from "../lib/chariow/enums";

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const EXPORT_ONLY = process.argv[3] === "export";
const FILE = process.env.SALES_BENCH_DB ?? `/tmp/chariow-sales-bench-v2-${TOTAL}.db`;
const TZ = "Africa/Abidjan";
const START = Date.UTC(2025, 0, 1);
const SPAN_MS = 540 * 86_400_000;
const STATUSES = ["completed", "completed", "completed", "settled", "settled", "failed", "abandoned", "awaiting_payment"];
const CURRENCIES = [
  ["XOF", [2500, 4900, 15000, 49000]],
  ["XOF", [2500, 4900, 15000, 49000]],
  ["XOF", [2500, 4900, 15000, 49000]],
  ["XAF", [5000, 10000]],
  ["EUR", [990, 2900, 4900]],
  ["USD", [990, 1999, 7920]],
] as const;
const CHANNELS = ["store", "store", "affiliate", "discover", "widget", "api"];
const COUNTRIES = ["CI", "SN", "BJ", "TG", "CM", "FR", "US", "BF"];
const FIRST = ["Awa", "Kofi", "Aïcha", "Mamadou", "Fatou", "Jean", "Éloïse", "Moussa", "Aminata", "Ibrahim", "Mariam", "Yao"];
const LAST = ["Diallo", "Koné", "Traoré", "Ouédraogo", "Mensah", "Ndiaye", "Sow", "Camara", "Kouassi", "Bamba"];
const CUSTOMERS = Math.max(1000, Math.floor(TOTAL / 8));
const PRODUCTS = 40;

/**
 * A well-mixed hash (murmur3's finaliser). The first version, one multiplication of (i + salt), had low
 * bits that depended only on i's low bits: status, product, customer and country were all functions of
 * i mod 8 (a customer always in one country, "failed" only ever for 5 of the 40 products), which no store
 * looks like and which made a filter and a sort look correlated (bench v2, new file name).
 */
function hash(i: number, salt: number): number {
  let h = (Math.imul(i, 0x9e3779b1) + Math.imul(salt, 0x85ebca6b)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function customer(c: number) {
  const name = `${FIRST[c % FIRST.length]} ${LAST[Math.floor(c / FIRST.length) % LAST.length]}`;
  return { id: `cus_${c.toString(36).padStart(6, "0")}`, email: `client${c}@example.com`, name: `${name} ${c}` };
}

async function generate(opened: OpenedDatabase): Promise<void> {
  const { db } = opened;
  const t0 = performance.now();
  const customers = Array.from({ length: CUSTOMERS }, (_, c) => customer(c));
  for (let i = 0; i < customers.length; i += 2000) {
    await db.insertInto("customers").values(customers.slice(i, i + 2000).map((c) => ({ ...c, first_seen_at: null, updated_at: "2026-06-01T00:00:00.000Z" }))).execute();
  }
  await db.insertInto("products").values(Array.from({ length: PRODUCTS }, (_, p) => ({ id: `prd_${p}`, name: `Produit ${p}`, type: "downloadable", updated_at: "2026-06-01T00:00:00.000Z" }))).execute();
  const CHUNK = 400;
  for (let start = 0; start < TOTAL; start += 20_000) {
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(start + 20_000, TOTAL); i += CHUNK) {
        const rows = [];
        for (let j = i; j < Math.min(i + CHUNK, TOTAL); j++) {
          const h = hash(j, 1);
          const status = STATUSES[h % STATUSES.length];
          const [currency, prices] = CURRENCIES[hash(j, 2) % CURRENCIES.length];
          const original = prices[hash(j, 3) % prices.length];
          const code = hash(j, 4) % 5 === 0 ? (hash(j, 5) % 2 ? "WELCOME10" : "VIP20") : null;
          const discount = code ? Math.floor(original / 10) : 0;
          const c = customer(hash(j, 6) % CUSTOMERS);
          const created = new Date(START + Math.floor((j / TOTAL) * SPAN_MS)).toISOString();
          const paid = status === "completed" || status === "settled";
          rows.push({
            id: `sal_${j.toString(36).padStart(7, "0")}`,
            status,
            payment_status: paid ? "success" : status === "failed" ? "failed" : "initiated",
            channel: CHANNELS[hash(j, 7) % CHANNELS.length],
            currency,
            original_amount: original,
            amount: original - discount,
            discount_amount: discount,
            payment_amount: original - discount,
            payment_currency: currency,
            exchange_rate: 1,
            gateway_fee: paid ? Math.round((original - discount) * 0.03) : null,
            gateway_fee_currency: paid ? currency : null,
            service_fee: paid ? Math.round((original - discount) * 0.04) : null,
            settlement_net: paid ? Math.round((original - discount) * 0.93) : null,
            settlement_currency: paid ? currency : null,
            settlement_due_at: paid ? created : null,
            settlement_done_at: status === "settled" ? created : null,
            payment_gateway: "cinetpay",
            payment_method_name: "Mobile Money",
            failure_code: status === "failed" ? "insufficient_funds" : null,
            failure_message: status === "failed" ? "Solde insuffisant" : null,
            product_id: `prd_${hash(j, 8) % PRODUCTS}`,
            product_name: `Produit ${hash(j, 8) % PRODUCTS}`,
            product_type: "downloadable",
            customer_id: c.id,
            customer_email: c.email,
            customer_name: c.name,
            discount_id: code ? `dis_${code}` : null,
            discount_code: code,
            campaign_id: hash(j, 9) % 7 === 0 ? "cmp_launch" : null,
            campaign_name: hash(j, 9) % 7 === 0 ? "Lancement" : null,
            shipping_country: COUNTRIES[hash(j, 10) % COUNTRIES.length],
            created_at: created,
            completed_at: paid ? created : null,
            settled: status === "settled" ? 1 : 0,
            local_day: created.slice(0, 10),
            raw_json: null,
            source: "list",
            source_at: "2026-06-01T00:00:00.000Z",
          });
        }
        await trx.insertInto("sales").values(rows).execute();
      }
    });
  }
  console.log(`generated ${TOTAL.toLocaleString("en-US")} sales in ${((performance.now() - t0) / 1000).toFixed(0)} s → ${FILE}`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

type Question = SalesFiltersInput & { sort?: SaleSortColumn; dir?: "asc" | "desc"; page?: number };

// Every sortable column at least once in each direction, most on a first page, some deep (page 20), some
// under one of each filter. The same filters (without sort/page) are the totals' mix.
const PAGE_MIX: Question[] = [
  {},
  { page: 20 },
  { sort: "created_at", dir: "asc" },
  { status: "failed" },
  { status: "completed,settled", currency: "XOF" },
  { product: "prd_7", from: "2026-01-01", to: "2026-03-31" },
  { channel: "affiliate", sort: "created_at", dir: "asc", page: 20 },
  { sort: "id", dir: "asc" },
  { sort: "id", dir: "desc", status: "abandoned", page: 20 },
  { sort: "status", dir: "asc" },
  { sort: "status", dir: "desc", currency: "EUR" },
  { sort: "status", dir: "asc", page: 20 },
  { sort: "payment_status", dir: "asc", channel: "store" },
  { sort: "payment_status", dir: "desc" },
  { sort: "customer_name", dir: "asc", country: "SN" },
  { sort: "customer_name", dir: "desc" },
  { sort: "customer_name", dir: "asc", page: 20 },
  { sort: "customer_email", dir: "asc" },
  { sort: "customer_email", dir: "desc", customer: "cus_0000a1" },
  { sort: "product_name", dir: "desc", paymentStatus: "failed" },
  { sort: "product_name", dir: "asc" },
  { sort: "product_name", dir: "asc", product: "prd_3", page: 20 },
  { sort: "channel", dir: "asc" },
  { sort: "channel", dir: "desc", from: "2025-06-01", to: "2025-06-30" },
  { sort: "currency", dir: "asc", status: "failed" },
  { sort: "currency", dir: "desc" },
  { sort: "original_amount", dir: "desc" },
  { sort: "original_amount", dir: "asc", discount: "WELCOME10" },
  { sort: "discount_amount", dir: "desc" },
  { sort: "discount_amount", dir: "asc", campaign: "cmp_launch" },
  { sort: "amount", dir: "desc" },
  { sort: "amount", dir: "asc", currency: "EUR" },
  { sort: "amount", dir: "desc", min: "10000", max: "20000", currency: "XOF" },
  { sort: "amount", dir: "asc", from: "2025-06-01", to: "2025-06-30" },
  { sort: "amount", dir: "desc", page: 20 },
  { sort: "discount_code", dir: "asc" },
  { sort: "discount_code", dir: "desc", status: "completed" },
  { sort: "discount_code", dir: "asc", page: 20 },
  { sort: "campaign_name", dir: "asc" },
  { sort: "campaign_name", dir: "desc", country: "CI" },
  { sort: "country", dir: "asc" },
  { sort: "country", dir: "desc", min: "50", max: "100" },
  { sort: "payment_method", dir: "asc" },
  { sort: "payment_method", dir: "desc", paymentStatus: "success", page: 20 },
  { discount: "WELCOME10" },
  { campaign: "cmp_launch", status: "failed" },
  { customer: "cus_0000a1" },
  { q: "Koné", sort: "amount", dir: "desc" },
  { q: "client4242@example.com", sort: "customer_name", dir: "asc" },
];
const SEARCH_MIX = ["client4242@example.com", "client777", "Koné 1234", "sal_00a", "sal_000zz9q", "Aïcha", "nobody-at-all"];
for (const c of SALE_SORT_COLUMNS) {
  for (const dir of ["asc", "desc"]) {
    if (!PAGE_MIX.some((q) => (q.sort ?? "created_at") === c && (q.dir ?? "desc") === dir)) throw new Error(`bench mix misses ${c} ${dir}`);
  }
}

/** The naive page: the obvious ORDER BY over `sales NOT INDEXED` (compiled by Kysely, then de-indexed). */
function naivePage(opened: OpenedDatabase, ctx: SalesQueryContext, q: Question) {
  const view = salesViewSchema.parse(q);
  const compiled = opened.db
    .selectFrom("sales")
    .where(whereSales(view, ctx))
    .selectAll()
    .orderBy(sortExpression(view.sort), (ob) => (view.dir === "asc" ? ob.asc().nullsLast() : ob.desc().nullsLast()))
    .orderBy("sales.id", view.dir)
    .limit(view.size + 1)
    .offset((view.page - 1) * view.size)
    .compile();
  return runNaive(opened, compiled.sql, compiled.parameters);
}

function naiveTotals(opened: OpenedDatabase, ctx: SalesQueryContext, q: Question) {
  const view = salesViewSchema.parse(q);
  const paid = sql.join(PAID_SALE_STATUSES.map((s) => sql.lit(s)));
  const compiled = opened.db
    .selectFrom("sales")
    .where(whereSales(view, ctx))
    .select([
      "sales.currency",
      sql<number>`count(*)`.as("count"),
      sql<number>`sum(case when sales.status in (${paid}) then 1 else 0 end)`.as("paid_count"),
      sql<number>`sum(case when sales.status in (${paid}) then sales.amount end)`.as("paid"),
      sql<number>`sum(case when sales.status in (${paid}) then sales.original_amount end)`.as("original"),
      sql<number>`sum(case when sales.status in (${paid}) then sales.discount_amount end)`.as("discount"),
    ])
    .groupBy("sales.currency")
    .compile();
  return runNaive(opened, compiled.sql, compiled.parameters);
}

let raw: BetterSqlite3.Database | null = null;
async function runNaive(opened: OpenedDatabase, text: string, parameters: readonly unknown[]): Promise<unknown[]> {
  raw ??= new BetterSqlite3(FILE, { readonly: true });
  const deIndexed = text.replace(/from "sales"/g, 'from "sales" not indexed');
  if (deIndexed === text) throw new Error(`naive query not de-indexed: ${text}`);
  return raw.prepare(deIndexed).all(...(parameters as unknown[]));
}

function summary(times: number[]) {
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), maxMs: round(Math.max(...times)) };
}
const round = (ms: number) => Math.round(ms * 10) / 10;
const RESULT: { sales: number; engine: string; views: Record<string, Record<string, number>> } = { sales: TOTAL, engine: "sqlite", views: {} };

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${new Date().toISOString()}, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const exists = fs.existsSync(FILE);
  const opened = await openDatabase(`file:${FILE}`);
  if (!exists) await generate(opened);
  const { db, engine } = opened;
  // The mirror keeps daily rollups on every write; rows inserted directly need them built once.
  if (!(await db.selectFrom("sales_rollup_daily").select("local_day").limit(1).executeTakeFirst())) {
    const t = performance.now();
    await rebuildRollups(db, TZ);
    console.log(`rollups rebuilt in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const ctx: SalesQueryContext = { engine, timeZone: TZ };
  const total = (await salesTotals(db, salesViewSchema.parse({}), ctx)).count;
  console.log(`database: ${total.toLocaleString("en-US")} sales, ${(fs.statSync(FILE).size / 1e6).toFixed(0)} MB`);

  if (EXPORT_ONLY) {
    await measureExport(opened, ctx);
    console.log(`RESULT ${JSON.stringify(RESULT)}`);
    return;
  }
  // Warm the page cache once (a server that has been up reads hot pages).
  for (const v of PAGE_MIX) await listSales(db, salesViewSchema.parse(v), ctx);

  const pageTimes: number[] = [];
  const pageNaive: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let round = 0; round < 5; round++) {
    for (const v of PAGE_MIX) {
      const ms = await timed(() => listSales(db, salesViewSchema.parse(v), ctx));
      pageTimes.push(ms);
      const key = JSON.stringify(v);
      perQuery.set(key, [...(perQuery.get(key) ?? []), ms]);
    }
  }
  console.log(`page (listSales, ${pageTimes.length} runs over ${PAGE_MIX.length} filter/sort mixes): p50 ${percentile(pageTimes, 50).toFixed(1)} ms, p95 ${percentile(pageTimes, 95).toFixed(1)} ms, max ${Math.max(...pageTimes).toFixed(1)} ms`);
  for (const v of PAGE_MIX) {
    const key = JSON.stringify(v);
    const naive = await timed(() => naivePage(opened, ctx, v));
    pageNaive.push(naive);
    console.log(`  ${key.padEnd(90)} median ${percentile(perQuery.get(key)!, 50).toFixed(1).padStart(7)} ms, naive ${naive.toFixed(0).padStart(5)} ms`);
  }

  const searchTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of SEARCH_MIX) {
      const ms = await timed(() => listSales(db, salesViewSchema.parse({ q }), ctx));
      searchTimes.push(ms);
      if (round === 0) console.log(`  search ${JSON.stringify(q).padEnd(28)} ${ms.toFixed(1)} ms`);
    }
  }
  const searchNaive: number[] = [];
  for (const q of SEARCH_MIX) searchNaive.push(await timed(() => naivePage(opened, ctx, { q })));
  console.log(`free-text search page (${searchTimes.length} runs): p50 ${percentile(searchTimes, 50).toFixed(1)} ms, p95 ${percentile(searchTimes, 95).toFixed(1)} ms, max ${Math.max(...searchTimes).toFixed(1)} ms, naive median ${percentile(searchNaive, 50).toFixed(0)} ms`);
  RESULT.views["sales-page"] = { ...summary([...pageTimes, ...searchTimes]), naiveMs: round(percentile([...pageNaive, ...searchNaive], 50)) };
  RESULT.views["sales-search"] = { ...summary(searchTimes), naiveMs: round(percentile(searchNaive, 50)) };

  // Totals: the filters of the page mix (sort and page dropped, duplicates once) and the search mix.
  const totalsMix = [...new Map([...PAGE_MIX.map((q) => Object.fromEntries(Object.entries(q).filter(([k]) => k !== "sort" && k !== "dir" && k !== "page")) as SalesFiltersInput), ...SEARCH_MIX.map((q) => ({ q }))].map((f) => [JSON.stringify(f), f])).values()];
  const totalsTimes: number[] = [];
  const totalsNaive: number[] = [];
  const perTotals = new Map<string, number[]>();
  for (const f of totalsMix) await salesTotals(db, salesViewSchema.parse(f), ctx);
  for (let round = 0; round < 3; round++) {
    for (const f of totalsMix) {
      const ms = await timed(() => salesTotals(db, salesViewSchema.parse(f), ctx));
      totalsTimes.push(ms);
      perTotals.set(JSON.stringify(f), [...(perTotals.get(JSON.stringify(f)) ?? []), ms]);
    }
  }
  console.log(`totals of the filter (salesTotals, ${totalsMix.length} filters × 3): p50 ${percentile(totalsTimes, 50).toFixed(1)} ms, p95 ${percentile(totalsTimes, 95).toFixed(1)} ms, max ${Math.max(...totalsTimes).toFixed(1)} ms`);
  for (const f of totalsMix) {
    const naive = await timed(() => naiveTotals(opened, ctx, f));
    totalsNaive.push(naive);
    console.log(`  ${JSON.stringify(f).padEnd(60)} median ${percentile(perTotals.get(JSON.stringify(f))!, 50).toFixed(1).padStart(7)} ms, naive ${naive.toFixed(0).padStart(5)} ms`);
  }
  RESULT.views["sales-totals"] = { ...summary(totalsTimes), naiveMs: round(percentile(totalsNaive, 50)) };

  await measureExport(opened, ctx);
  console.log(`RESULT ${JSON.stringify(RESULT)}`);
}

async function measureExport(opened: OpenedDatabase, ctx: SalesQueryContext): Promise<void> {
  const { db } = opened;
  const labels = Object.fromEntries(SALE_EXPORT_COLUMNS.map((c) => [c, c])) as Record<SaleExportColumn, string>;
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const res = exportSalesCsv(db, { filters: salesViewSchema.parse({}), preset: "excel-fr", timeZone: "Europe/Paris", labels, actor: null }, ctx);
  const reader = res.body!.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    // The export never yields to the timers (SQLite is synchronous, the reads resolve as microtasks), so
    // the interval sampler alone would only see the RSS before and after: sample on every chunk too.
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const audit = await db.selectFrom("audit_log").select("details").where("action", "=", "sales.export").orderBy("id", "desc").executeTakeFirst();
  const rows = audit?.details ? (JSON.parse(audit.details) as { rows: number }).rows : 0;
  console.log(
    `full CSV export: ${rows.toLocaleString("en-US")} rows, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString("en-US")} rows/s; RSS ${(rssBefore / 1e6).toFixed(0)} → peak ${(peak / 1e6).toFixed(0)} MB (growth ${((peak - rssBefore) / 1e6).toFixed(0)} MB)`,
  );
  // Naive: every row in the export's order by one statement over the de-indexed table (a full sort).
  const ms = seconds * 1000;
  const naive = await timed(async () => {
    raw ??= new BetterSqlite3(FILE, { readonly: true });
    let n = 0;
    for (const row of raw.prepare('select * from "sales" not indexed order by "created_at" desc nulls last, "id" desc').raw().iterate()) if (row) n++;
    if (n !== rows) throw new Error(`naive export read ${n} rows, the export ${rows}`);
  });
  console.log(`  naive full read (no CSV): ${(naive / 1000).toFixed(1)} s`);
  RESULT.views["sales-export"] = { p50Ms: round(ms), p95Ms: round(ms), maxMs: round(ms), naiveMs: round(naive), rowsPerSec: Math.round(rows / seconds), memoryGrowthMb: Math.round((peak - rssBefore) / 1e6) };
  await opened.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
