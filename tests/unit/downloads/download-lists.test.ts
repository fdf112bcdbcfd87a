// The order of the Downloads page's tables, on hand-built lists with the expected orders written out:
// every sortable column both ways, unknown values (no payment date, count not read yet, no median) last in
// both directions, ids breaking ties so that pages of the same order never overlap.
import { describe, expect, it } from "vitest";
import type { DownloadFact } from "@/lib/downloads/download-facts";
import { sortDownloadSales, sortEngagement } from "@/lib/downloads/download-lists";
import type { ProductEngagement } from "@/lib/downloads/download-stats";

const fact = (saleId: string, over: Partial<DownloadFact>): DownloadFact => ({
  saleId, status: "completed", productId: "p", productName: null, customerId: null, customerName: null, customerEmail: null, currency: "XOF", amount: 100,
  completedAt: null, downloadTotal: null, downloadLastAt: null, ...over,
});

const sales = [
  fact("s1", { customerName: "Kofi", productName: "Ebook", completedAt: "2026-05-02T10:00:00.000Z", downloadTotal: 3, downloadLastAt: "2026-05-03T10:00:00.000Z" }),
  fact("s2", { customerEmail: "awa@example.com", productId: "prd_audio", completedAt: "2026-05-01T10:00:00.000Z", downloadTotal: 0 }),
  fact("s3", { customerName: "bintou", productName: "cours", completedAt: null, downloadTotal: null }),
  fact("s0", { customerName: "Kofi", productName: "Ebook", completedAt: "2026-05-02T10:00:00.000Z", downloadTotal: 3, downloadLastAt: "2026-05-04T10:00:00.000Z" }),
];
const ids = (rows: { saleId: string }[]) => rows.map((r) => r.saleId);

describe("Downloads tables' order", () => {
  it("sorts sales by each column both ways, unknowns last, the sale id breaking ties", () => {
    expect(ids(sortDownloadSales(sales, { column: "paid_at", dir: "desc" }))).toEqual(["s0", "s1", "s2", "s3"]);
    expect(ids(sortDownloadSales(sales, { column: "paid_at", dir: "asc" }))).toEqual(["s2", "s0", "s1", "s3"]);
    expect(ids(sortDownloadSales(sales, { column: "downloads", dir: "desc" }))).toEqual(["s0", "s1", "s2", "s3"]);
    expect(ids(sortDownloadSales(sales, { column: "downloads", dir: "asc" }))).toEqual(["s2", "s0", "s1", "s3"]);
    expect(ids(sortDownloadSales(sales, { column: "last_download", dir: "desc" }))).toEqual(["s0", "s1", "s2", "s3"]);
    // Name, else e-mail, whatever the case: awa@…, bintou, Kofi, Kofi.
    expect(ids(sortDownloadSales(sales, { column: "customer", dir: "asc" }))).toEqual(["s2", "s3", "s0", "s1"]);
    expect(ids(sortDownloadSales(sales, { column: "product", dir: "desc" }))).toEqual(["s2", "s0", "s1", "s3"]); // prd_audio, Ebook, Ebook, cours
  });

  it("falls back to the payment date for a column it does not know, and leaves its input alone", () => {
    const input = [...sales];
    expect(ids(sortDownloadSales(input, { column: "bogus", dir: "desc" }))).toEqual(["s0", "s1", "s2", "s3"]);
    expect(ids(input)).toEqual(["s1", "s2", "s3", "s0"]);
  });

  it("sorts products by share, sales or median, unknowns last", () => {
    const product = (productId: string, paidSales: number, share: number | null, medianHoursToFirst: number | null): ProductEngagement => ({
      productId, productName: productId.toUpperCase(), paidSales, knownSales: paidSales, downloaded: 0, share, medianHoursToFirst, firstDownloadSample: 1,
    });
    const rows = [product("b", 10, 0.5, 4), product("a", 10, null, null), product("c", 3, 0.9, 1)];
    expect(sortEngagement(rows, { column: "paid_sales", dir: "desc" }).map((p) => p.productId)).toEqual(["a", "b", "c"]);
    expect(sortEngagement(rows, { column: "share", dir: "desc" }).map((p) => p.productId)).toEqual(["c", "b", "a"]);
    expect(sortEngagement(rows, { column: "share", dir: "asc" }).map((p) => p.productId)).toEqual(["b", "c", "a"]);
    expect(sortEngagement(rows, { column: "median_first", dir: "asc" }).map((p) => p.productId)).toEqual(["c", "b", "a"]);
    expect(sortEngagement(rows, { column: "product", dir: "asc" }).map((p) => p.productId)).toEqual(["a", "b", "c"]);
  });
});
