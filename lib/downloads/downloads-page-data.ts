// What the Downloads page shows on a load (issue 17): each table's one page and its row count, the coverage,
// the unusual-activity rule and the engagement by product — read from the download rollup (migration 0020,
// lib/mirror/download-rollup.ts) and from indexes walked in each list's default order, instead of every
// paid sale of products with files (downloadsReport, which the CSV export still uses for whole lists).
// Same figures and same order as downloadsReport + the in-memory sort: a list's default order walks an
// index and re-sorts, with the page's own comparator, only the block of rows sharing the page's edge values
// (so ties are broken exactly as in memory); any other sort reads that one list whole and sorts it in
// memory, as before.
import "server-only";
import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Database } from "@/lib/db";
import { FACT_COLUMNS, toDownloadFact, type DownloadFact } from "./download-facts";
import { DOWNLOAD_TABLES, sortDownloadSales, sortEngagement, type DownloadTable, type ListSort } from "./download-lists";
import type { DownloadCoverage, NotAccessedSale, ProductEngagement, UnusualActivity } from "./download-stats";
import type { DownloadsQuery } from "./schemas";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The partial indexes' own condition, written out (not bound) so SQLite matches it (migration 0020). */
const PAID = sql.raw<boolean>(`(status || '') in ('completed', 'settled')`);
/** Product types that deliver nothing to download (lib/downloads/products-with-files.ts). */
const TYPES_WITHOUT_FILES = new Set(["service"]);

export interface TablePageRequest {
  sort: ListSort<string>;
  page: number;
  size: number;
}

export interface ListPage<T> {
  rows: T[];
  total: number;
}

export interface DownloadsPageData {
  coverage: DownloadCoverage;
  notAccessed: ListPage<NotAccessedSale>;
  unusual: Omit<UnusualActivity, "sales"> & ListPage<DownloadFact>;
  engagement: ListPage<ProductEngagement>;
  recent: ListPage<DownloadFact>;
}

interface ProductCounts {
  productId: string;
  paidSales: number;
  known: number;
  downloaded: number;
  sample: number;
  maxDownloads: number;
  listsFile: boolean;
  listsNoFile: boolean;
  type: string | null;
  /** The non-empty names its paid sales carry. */
  names: Set<string>;
  /** Known download count → paid sales with it. */
  histogram: Map<number, number>;
}

/** Per product, from the rollup: what products-with-files.ts and download-stats.ts compute from every sale. */
async function productCounts(db: Kysely<Database>): Promise<ProductCounts[]> {
  const rows = await db.selectFrom("sales_download_rollup").selectAll().where("n", ">", 0).execute();
  const byProduct = new Map<string, ProductCounts>();
  for (const r of rows) {
    let p = byProduct.get(r.product_id);
    if (!p) {
      p = { productId: r.product_id, paidSales: 0, known: 0, downloaded: 0, sample: 0, maxDownloads: 0, listsFile: false, listsNoFile: false, type: null, names: new Set(), histogram: new Map() };
      byProduct.set(r.product_id, p);
    }
    const n = Number(r.n);
    const total = Number(r.download_total);
    p.paidSales += n;
    if (total >= 0) {
      p.known += n;
      if (total > 0) p.downloaded += n;
      p.maxDownloads = Math.max(p.maxDownloads, total);
      p.histogram.set(total, (p.histogram.get(total) ?? 0) + n);
    }
    if (Number(r.first_sample) === 1) p.sample += n;
    if (r.product_name !== "") p.names.add(r.product_name);
    if (Number(r.payload_files) & 1) p.listsFile = true;
    if (Number(r.payload_files) & 2) p.listsNoFile = true;
    // max(product_type) over the product's paid sales, as products-with-files.ts reads it ("" = none).
    if (r.product_type !== "" && (p.type === null || r.product_type > p.type)) p.type = r.product_type;
  }
  return [...byProduct.values()];
}

/** docs/downloads.md "A product has files", in its order. */
function hasFiles(p: ProductCounts): boolean {
  if (p.maxDownloads > 0 || p.listsFile) return true;
  if (p.listsNoFile) return false;
  return !TYPES_WITHOUT_FILES.has(p.type ?? "");
}

/** Nearest-rank percentile of a histogram (download-stats.ts percentile over the same values). */
function histogramPercentile(histogram: Map<number, number>, p: number): number | null {
  const values = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const count = values.reduce((s, [, n]) => s + n, 0);
  if (count === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * count));
  let seen = 0;
  for (const [value, n] of values) {
    seen += n;
    if (seen >= rank) return value;
  }
  return null;
}

type SalesQuery = SelectQueryBuilder<Database, "sales", object>;

/**
 * Paid sales of the products with files (the ids bound: a store has a few hundred products at most).
 * `product_id || ''`: the same test, read from the list index's own column rather than answered with the
 * product index (0002), which would fetch and sort every paid sale of those products.
 */
function paidOf(db: Kysely<Database>, products: readonly string[]): SalesQuery {
  return db.selectFrom("sales").where(PAID).where(sql<string>`product_id || ''`, "in", products.length > 0 ? [...products] : [""]);
}

async function count(q: SalesQuery): Promise<number> {
  const r = await q.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Rows [offset, offset + size) of `base` in payment order (`dir`; no payment date last), `nonNull` being
 * how many of them have one. The index gives the payment dates at the page's edges; the rows between them
 * (whole groups of equal dates) are read and sorted with the page's comparator, so ties fall as in memory.
 */
async function pageByPaidAt(base: () => SalesQuery, dir: "asc" | "desc", offset: number, size: number, nonNull: number, upTo?: string): Promise<DownloadFact[]> {
  const out: DownloadFact[] = [];
  const sort = { column: "paid_at", dir } as const;
  if (offset < nonNull) {
    const k = Math.min(size, nonNull - offset);
    // upTo (the list's last payment date) only here: the queries below stay within the edges, and SQLite
    // would bound its range by the wrong one of two upper bounds.
    const edges = await base().select("completed_at").where("completed_at", upTo === undefined ? "is not" : "<=", upTo ?? null).orderBy("completed_at", dir).limit(k).offset(offset).execute();
    if (edges.length === 0) return out; // the rollup ran ahead of the rows (a write in between): nothing here
    const first = edges[0].completed_at as string;
    const last = edges[edges.length - 1].completed_at as string;
    const before = await count(base().where("completed_at", dir === "asc" ? "<" : ">", first));
    const [lo, hi] = dir === "asc" ? [first, last] : [last, first];
    const block = await base().select(FACT_COLUMNS).where("completed_at", ">=", lo).where("completed_at", "<=", hi).execute();
    out.push(...sortDownloadSales(block.map(toDownloadFact), sort).slice(offset - before, offset - before + k));
  }
  // A list bounded by a payment date (upTo) has no undated sale.
  if (upTo === undefined && offset + size > nonNull) {
    const unknown = await base().select(FACT_COLUMNS).where("completed_at", "is", null).execute();
    const from = Math.max(0, offset - nonNull);
    out.push(...sortDownloadSales(unknown.map(toDownloadFact), sort).slice(from, from + size - out.length));
  }
  return out;
}

const isDefault = (table: DownloadTable, sort: ListSort<string>) => DOWNLOAD_TABLES[table].sort.column === sort.column && DOWNLOAD_TABLES[table].sort.dir === sort.dir;
const slice = <T>(rows: readonly T[], req: TablePageRequest) => rows.slice((req.page - 1) * req.size, req.page * req.size);

export async function downloadsPageData(
  db: Kysely<Database>,
  query: DownloadsQuery,
  tables: Record<DownloadTable, TablePageRequest>,
  now: Date = new Date(),
): Promise<DownloadsPageData> {
  const products = (await productCounts(db)).filter(hasFiles);
  const ids = products.map((p) => p.productId);
  const paid = () => paidOf(db, ids);
  const coverage = { paidSales: products.reduce((s, p) => s + p.paidSales, 0), known: products.reduce((s, p) => s + p.known, 0) };

  // Not accessed yet: 0 known downloads, paid on or before the cutoff (the stored instants are ISO UTC, so
  // text order is time order).
  const cutoffMs = now.getTime() - query.days * DAY_MS;
  const cutoff = new Date(cutoffMs).toISOString();
  const zero = () => paid().where(sql.raw<boolean>("+download_total = 0"));
  const waiting = () => zero().where("completed_at", "<=", cutoff);
  const zeroes = products.reduce((s, p) => s + (p.histogram.get(0) ?? 0), 0);
  const waitingTotal = zeroes - (await count(zero().where("completed_at", ">", cutoff))) - (await count(zero().where("completed_at", "is", null)));
  const withDays = (f: DownloadFact): NotAccessedSale => ({ ...f, daysSincePayment: Math.floor((now.getTime() - Date.parse(f.completedAt!)) / DAY_MS) });
  const w = tables.waiting;
  const waitingRows = isDefault("waiting", w.sort)
    ? await pageByPaidAt(zero, "asc", (w.page - 1) * w.size, w.size, waitingTotal, cutoff)
    : slice(sortDownloadSales((await waiting().select(FACT_COLUMNS).execute()).map(toDownloadFact), w.sort), w);

  // Unusual activity: the store's histogram of known counts gives the percentile and how many are above.
  const histogram = new Map<number, number>();
  for (const p of products) for (const [value, n] of p.histogram) histogram.set(value, (histogram.get(value) ?? 0) + n);
  const knownCounts = coverage.known;
  const p99 = histogramPercentile(histogram, 99);
  const limit = query.threshold ?? p99;
  const above = limit === null ? [] : [...histogram.entries()].filter(([value, n]) => value > limit && n > 0).sort((a, b) => b[0] - a[0]);
  const unusualTotal = above.reduce((s, [, n]) => s + n, 0);
  const u = tables.unusual;
  let unusualRows: DownloadFact[] = [];
  if (limit !== null && unusualTotal > 0) {
    if (isDefault("unusual", u.sort)) {
      // Most downloads first: read only the counts the page reaches, each whole (ties by sale id in memory).
      const start = (u.page - 1) * u.size;
      let seen = 0;
      for (const [value, n] of above) {
        if (seen + n > start && seen < start + u.size) {
          const rows = await paid().select(FACT_COLUMNS).where("download_total", "=", value).execute();
          unusualRows.push(...sortDownloadSales(rows.map(toDownloadFact), u.sort).slice(Math.max(0, start - seen), start + u.size - seen));
        }
        seen += n;
      }
    } else {
      unusualRows = slice(sortDownloadSales((await paid().select(FACT_COLUMNS).where("download_total", ">", limit).execute()).map(toDownloadFact), u.sort), u);
    }
  }

  // Paid sales: all of them, newest payment first.
  const r = tables.recent;
  const recentNonNull = coverage.paidSales - (await count(paid().where("completed_at", "is", null)));
  const recentRows = isDefault("recent", r.sort)
    ? await pageByPaidAt(paid, "desc", (r.page - 1) * r.size, r.size, recentNonNull)
    : slice(sortDownloadSales((await paid().select(FACT_COLUMNS).execute()).map(toDownloadFact), r.sort), r);

  return {
    coverage,
    notAccessed: { rows: waitingRows.map(withDays), total: waitingTotal },
    unusual: { rule: query.threshold === undefined ? "p99" : "threshold", limit, p99, knownCounts, rows: unusualRows, total: unusualTotal },
    engagement: { rows: await engagementPage(db, products, tables.products), total: products.length },
    recent: { rows: recentRows, total: coverage.paidSales },
  };
}

/**
 * Engagement by product: the counts from the rollup; the name (the newest paid sale's) and the median
 * (LIMIT 2 OFFSET ⌊(n−1)/2⌋ over the product's sample, in order) are found for the page's products only,
 * or for every product when the table is sorted by them.
 */
async function engagementPage(db: Kysely<Database>, products: readonly ProductCounts[], req: TablePageRequest): Promise<ProductEngagement[]> {
  const rows: ProductEngagement[] = products.map((p) => ({
    productId: p.productId,
    productName: null,
    paidSales: p.paidSales,
    knownSales: p.known,
    downloaded: p.downloaded,
    share: p.known === 0 ? null : p.downloaded / p.known,
    medianHoursToFirst: null,
    firstDownloadSample: p.sample,
  }));
  const byId = new Map(products.map((p) => [p.productId, p]));
  const fill = async (list: ProductEngagement[], what: { name: boolean; median: boolean }) => {
    for (const e of list) {
      if (what.name) e.productName = await productName(db, byId.get(e.productId)!);
      if (what.median && e.firstDownloadSample > 0) {
        const n = e.firstDownloadSample;
        const mid = await db.selectFrom("sales_download_first").select("ms").where("product_id", "=", e.productId).orderBy("ms").limit(n % 2 === 1 ? 1 : 2).offset(Math.floor((n - 1) / 2)).execute();
        const hours = mid.map((m) => Number(m.ms) / HOUR_MS);
        e.medianHoursToFirst = hours.length === 1 ? hours[0] : (hours[0] + hours[1]) / 2;
      }
    }
  };
  const column = req.sort.column;
  await fill(rows, { name: column === "product", median: column === "median_first" });
  const page = slice(sortEngagement(rows, req.sort), req);
  await fill(page, { name: column !== "product", median: column !== "median_first" });
  return page;
}

/**
 * The name of the product's newest paid sale that has one (download-facts.ts order: newest payment first,
 * no payment date last, the sale id breaking ties). One name in the rollup is the answer; a renamed
 * product's sales are read (by the product index) to find the newest.
 */
async function productName(db: Kysely<Database>, p: ProductCounts): Promise<string | null> {
  if (p.names.size <= 1) return p.names.values().next().value ?? null;
  const named = await db
    .selectFrom("sales")
    .select(FACT_COLUMNS)
    .where(PAID)
    .where("product_id", "=", p.productId)
    .where("product_name", "is not", null)
    .where("product_name", "!=", "")
    .execute();
  return sortDownloadSales(named.map(toDownloadFact), { column: "paid_at", dir: "desc" })[0]?.productName ?? null;
}
