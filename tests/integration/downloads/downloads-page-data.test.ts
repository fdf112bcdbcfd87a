// The Downloads page's first load from the download rollup and the list indexes (issue 17, migration 0020),
// on both engines, against an independent computation over the hand-built sales below: coverage, the
// 99th percentile and threshold rule, every table's page and row count in each sort (ties in payment
// date, mixed-case ids, sales without a payment date), engagement counts, names and medians — after
// re-syncs that change a sale's count, status and product, so the rollup's deltas are exercised too.
import { expect, it } from "vitest";
import type { Sale } from "@/lib/chariow";
import { DOWNLOAD_TABLES, downloadsPageData, type DownloadTable, type TablePageRequest } from "@/lib/downloads";
import { fillDownloadRollup } from "@/lib/db/migrations/0020-download-rollup";
import { engineOfDb } from "@/lib/db/engine-sql";
import { upsertSales } from "@/lib/mirror";
import { saleDetail, saleSummary, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const NOW = new Date("2026-05-10T12:00:00.000Z");
const DAY = 86_400_000;
const OPTS = { source: "detail" as const, timeZone: "Africa/Abidjan" };
const iso = (ms: number) => new Date(ms).toISOString();

type Row = { id: string; status: string; product: string; type: string; name: string; completedAt: string | null; total: number | null; lastAt: string | null };

/** The store's final state, built deterministically: several products, ties, unknowns, one service. */
function finalRows(): Row[] {
  const rows: Row[] = [];
  const products = [["prd_ebook", "downloadable"], ["prd_course", "course"], ["prd_coach", "service"], ["prd_lic", "license"]] as const;
  for (let i = 0; i < 140; i++) {
    const [product, type] = products[i % 4];
    // Two sales in seven share one payment instant (ties), ids alternate case: a tie falls by the ids'
    // locale order (sal_014x before SAL_015Y), not their code-unit order.
    const tied = i % 7 < 2;
    const base = Date.parse("2026-03-01T08:00:00.000Z") + (tied ? 0 : Math.floor(i / 2) * 7 * 3_600_000 + (i % 2) * 3_600_000);
    const completedAt = i % 31 === 5 ? null : iso(base);
    const total = i % 9 === 0 ? null : i % 5 === 0 ? 0 : i % 23 === 0 ? 40 + (i % 3) : 1 + ((i >> 2) % 4);
    const lastAt = total !== null && total > 0 && completedAt ? iso(Date.parse(completedAt) + ((i * 37) % 50) * 3_600_000 + (i % 3) * 60_000) : null;
    const id = i % 2 === 0 ? `sal_${String(i).padStart(3, "0")}x` : `SAL_${String(i).padStart(3, "0")}Y`;
    // The course was renamed: its newest sales carry the new name (the table shows the newest paid sale's).
    const name = product === "prd_course" && i >= 100 ? "Une formation v2" : `Product ${product}`;
    rows.push({ id, status: i % 6 === 1 ? "settled" : "completed", product, type, name, completedAt, total, lastAt });
  }
  // Sales waiting near the cutoff: exactly 3 days before NOW, and newer.
  rows.push({ id: "edge", status: "completed", product: "prd_ebook", type: "downloadable", name: "Product prd_ebook", completedAt: iso(NOW.getTime() - 3 * DAY), total: 0, lastAt: null });
  rows.push({ id: "fresh", status: "completed", product: "prd_ebook", type: "downloadable", name: "Product prd_ebook", completedAt: iso(NOW.getTime() - DAY), total: 0, lastAt: null });
  return rows;
}

/** The factory names a product after its id; a renamed one gets its name here. */
const named = (sale: Sale, r: Row): Sale => ({ ...sale, product: sale.product ? { ...sale.product, name: r.name } : sale.product });
const facts = (r: Row): SaleFacts => ({ id: r.id, status: r.status as SaleFacts["status"], createdAt: r.completedAt ?? "2026-03-01T07:00:00.000Z", completedAt: r.completedAt, productId: r.product, productType: r.type, customerId: `cus_${r.id}`, name: `Buyer ${r.id.toLowerCase()}`, downloadTotal: r.total, downloadLastAt: r.lastAt });

// ---- The independent answer, from the rows above (not from the app's code) ----

const byId = (a: Row, b: Row) => a.id.localeCompare(b.id);
const nullsLast = <T>(x: T | null, y: T | null, cmp: (a: T, b: T) => number) => (x === null || y === null ? (x === y ? 0 : x === null ? 1 : -1) : cmp(x, y));

function truth(rows: Row[], days: number, threshold?: number) {
  const paid = rows.filter((r) => r.status === "completed" || r.status === "settled");
  // No payloads here: a product has files unless it is a service with no download at all.
  const withFiles = new Set(paid.filter((r) => r.type !== "service" || (r.total ?? 0) > 0).map((r) => r.product));
  const sales = paid.filter((r) => withFiles.has(r.product));
  const known = sales.filter((r) => r.total !== null);
  const counts = known.map((r) => r.total!).sort((a, b) => a - b);
  const p99 = counts.length ? counts[Math.max(1, Math.ceil(0.99 * counts.length)) - 1] : null;
  const limit = threshold ?? p99;
  const cutoff = NOW.getTime() - days * DAY;
  const orders = {
    paidAsc: (a: Row, b: Row) => nullsLast(a.completedAt, b.completedAt, (x, y) => (x < y ? -1 : x > y ? 1 : 0)) || byId(a, b),
    paidDesc: (a: Row, b: Row) => nullsLast(a.completedAt, b.completedAt, (x, y) => (x > y ? -1 : x < y ? 1 : 0)) || byId(a, b),
    downloadsDesc: (a: Row, b: Row) => nullsLast(a.total, b.total, (x, y) => y - x) || byId(a, b),
    customerAsc: (a: Row, b: Row) => `buyer ${a.id.toLowerCase()}`.localeCompare(`buyer ${b.id.toLowerCase()}`) || byId(a, b),
  };
  const engagement = [...withFiles].map((product) => {
    const own = sales.filter((r) => r.product === product).sort(orders.paidDesc);
    const k = own.filter((r) => r.total !== null);
    const hours = k.filter((r) => r.total === 1 && r.lastAt && r.completedAt).map((r) => (Date.parse(r.lastAt!) - Date.parse(r.completedAt!)) / 3_600_000).sort((a, b) => a - b);
    const m = hours.length === 0 ? null : hours.length % 2 ? hours[(hours.length - 1) / 2] : (hours[hours.length / 2 - 1] + hours[hours.length / 2]) / 2;
    const downloaded = k.filter((r) => r.total! > 0).length;
    return { productId: product, productName: own[0].name, paidSales: own.length, knownSales: k.length, downloaded, share: k.length ? downloaded / k.length : null, medianHoursToFirst: m, firstDownloadSample: hours.length };
  });
  return {
    coverage: { paidSales: sales.length, known: known.length },
    p99,
    limit,
    waiting: sales.filter((r) => r.total === 0 && r.completedAt !== null && Date.parse(r.completedAt) <= cutoff),
    unusual: limit === null ? [] : known.filter((r) => r.total! > limit),
    recent: sales,
    engagement,
    orders,
  };
}

const ids = (rows: { saleId: string }[]) => rows.map((r) => r.saleId);
const page = <T>(rows: T[], n: number, size: number) => rows.slice((n - 1) * size, n * size);

describeEachEngine("Downloads first load (rollup and list indexes)", ({ db }) => {
  /** Writes the final rows after earlier versions that differ (count unknown then 0, another product, unpaid). */
  async function seed(rows: Row[]) {
    const at = (h: number) => iso(Date.parse("2026-05-01T00:00:00.000Z") + h * 3_600_000);
    // First pass: list summaries (counts unknown), some on another product, every 10th one still unpaid.
    const first: Sale[] = rows.map((r, i) => saleSummary({ ...facts(r), status: i % 10 === 3 ? "awaiting_payment" : (r.status as SaleFacts["status"]), productId: i % 8 === 2 ? "prd_other" : r.product, updatedAt: at(1) }));
    await upsertSales(db().db, first, { ...OPTS, source: "list", receivedAt: at(1) });
    // Second pass: details with a different count (a detail that does not say leaves it unknown), then the
    // final details.
    await upsertSales(db().db, rows.map((r) => saleDetail({ ...facts(r), downloadTotal: r.total === null ? null : r.total === 1 ? 0 : 1, downloadLastAt: r.lastAt, updatedAt: at(2) })), { ...OPTS, receivedAt: at(2) });
    await upsertSales(db().db, rows.map((r) => named(saleDetail({ ...facts(r), updatedAt: at(3) }), r)), { ...OPTS, receivedAt: at(3) });
  }

  const request = (over: Partial<Record<DownloadTable, Partial<TablePageRequest>>> = {}, size = 25) =>
    Object.fromEntries((Object.keys(DOWNLOAD_TABLES) as DownloadTable[]).map((t) => [t, { sort: DOWNLOAD_TABLES[t].sort, page: 1, size, ...over[t] }])) as Record<DownloadTable, TablePageRequest>;

  it("gives the coverage, the percentile rule and every list's first page and count in its default order", async () => {
    const rows = finalRows();
    await seed(rows);
    const want = truth(rows, 3);
    const got = await downloadsPageData(db().db, { days: 3 }, request({}, 10), NOW);
    expect(got.coverage).toEqual(want.coverage);
    expect([got.unusual.rule, got.unusual.p99, got.unusual.limit, got.unusual.knownCounts]).toEqual(["p99", want.p99, want.limit, want.coverage.known]);
    expect(got.notAccessed.total).toBe(want.waiting.length);
    expect(ids(got.notAccessed.rows)).toEqual(page(want.waiting.sort(want.orders.paidAsc), 1, 10).map((r) => r.id));
    expect(got.notAccessed.rows.map((r) => r.daysSincePayment)).toEqual(page(want.waiting, 1, 10).map((r) => Math.floor((NOW.getTime() - Date.parse(r.completedAt!)) / DAY)));
    expect(got.unusual.total).toBe(want.unusual.length);
    expect(ids(got.unusual.rows)).toEqual(page(want.unusual.sort(want.orders.downloadsDesc), 1, 10).map((r) => r.id));
    expect(got.recent.total).toBe(want.recent.length);
    expect(ids(got.recent.rows)).toEqual(page(want.recent.sort(want.orders.paidDesc), 1, 10).map((r) => r.id));
    const eng = want.engagement.sort((a, b) => b.paidSales - a.paidSales || a.productId.localeCompare(b.productId));
    expect(got.engagement.total).toBe(eng.length);
    expect(got.engagement.rows).toEqual(eng);
  });

  it("pages through every list, ties in payment date and sales without one included, in every direction", async () => {
    const rows = finalRows();
    await seed(rows);
    const want = truth(rows, 3, 2);
    const recent = want.recent.sort(want.orders.paidDesc);
    const oldest = [...want.recent].sort(want.orders.paidAsc);
    const waiting = want.waiting.sort(want.orders.paidAsc);
    const unusual = want.unusual.sort(want.orders.downloadsDesc);
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const got = await downloadsPageData(db().db, { days: 3, threshold: 2 }, request({ waiting: { page: n }, unusual: { page: n }, recent: { page: n } }, 7), NOW);
      expect(ids(got.recent.rows), `recent page ${n}`).toEqual(page(recent, n, 7).map((r) => r.id));
      expect(ids(got.notAccessed.rows), `waiting page ${n}`).toEqual(page(waiting, n, 7).map((r) => r.id));
      expect(ids(got.unusual.rows), `unusual page ${n}`).toEqual(page(unusual, n, 7).map((r) => r.id));
      // The same list the other way round (not the default order: read whole, sorted in memory).
      const up = await downloadsPageData(db().db, { days: 3 }, request({ recent: { page: n, sort: { column: "paid_at", dir: "asc" } } }, 7), NOW);
      expect(ids(up.recent.rows), `recent ascending page ${n}`).toEqual(page(oldest, n, 7).map((r) => r.id));
    }
    // The last page of the newest-first list ends with the sales that have no payment date.
    const last = Math.ceil(recent.length / 7);
    const tail = await downloadsPageData(db().db, { days: 3 }, request({ recent: { page: last } }, 7), NOW);
    expect(tail.recent.rows.at(-1)?.completedAt).toBeNull();
    expect(ids(tail.recent.rows)).toEqual(page(recent, last, 7).map((r) => r.id));
    const byCustomer = await downloadsPageData(db().db, { days: 3 }, request({ recent: { page: 2, sort: { column: "customer", dir: "asc" } } }, 7), NOW);
    expect(ids(byCustomer.recent.rows)).toEqual(page([...want.recent].sort(want.orders.customerAsc), 2, 7).map((r) => r.id));
  });

  it("sorts engagement by median and by product with the same figures", async () => {
    const rows = finalRows();
    await seed(rows);
    const want = truth(rows, 3).engagement;
    const byMedian = await downloadsPageData(db().db, { days: 3 }, request({ products: { sort: { column: "median_first", dir: "asc" } } }), NOW);
    expect(byMedian.engagement.rows).toEqual([...want].sort((a, b) => nullsLast(a.medianHoursToFirst, b.medianHoursToFirst, (x, y) => x - y) || a.productId.localeCompare(b.productId)));
    const byName = await downloadsPageData(db().db, { days: 3 }, request({ products: { sort: { column: "product", dir: "desc" }, size: 2, page: 2 } }), NOW);
    expect(byName.engagement.rows).toEqual([...want].sort((a, b) => b.productName.toLowerCase().localeCompare(a.productName.toLowerCase()) || a.productId.localeCompare(b.productId)).slice(2, 4));
  });

  it("counts already mirrored sales in the migration as the writes keep them (so its pages are the same)", async () => {
    const rows = finalRows();
    await seed(rows);
    const want = truth(rows, 3);
    const d = db().db;
    const snapshot = async () => [
      (await d.selectFrom("sales_download_rollup").selectAll().where("n", ">", 0).execute()).map((r) => ({ ...r, n: Number(r.n) })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      (await d.selectFrom("sales_download_first").selectAll().orderBy("sale_id").execute()).map((r) => ({ ...r, ms: Number(r.ms) })),
    ];
    const kept = await snapshot();
    await d.deleteFrom("sales_download_rollup").execute();
    await d.deleteFrom("sales_download_first").execute();
    await fillDownloadRollup(d, engineOfDb(d));
    expect(await snapshot()).toEqual(kept);
    const got = await downloadsPageData(d, { days: 3 }, request({}, 10), NOW);
    expect(got.coverage).toEqual(want.coverage);
    expect(got.engagement.rows).toEqual(want.engagement.sort((a, b) => b.paidSales - a.paidSales || a.productId.localeCompare(b.productId)));
  });
});
