// The Revenue page's figures as the server sends them, before any JavaScript: each breakdown is the one
// table with sort and page links under its own prefix that keep the range and currency, rows named in
// the merchant's words (a country's name, "No discount"), an export control for roles that may export,
// and charts only as placeholders. Hand-built breakdowns; the expected orders are computed here.
import { describe, expect, it } from "vitest";
import { RevenueReportView } from "@/app/(dashboard)/revenue/revenue-report";
import { UNKNOWN_DIMENSION_VALUE } from "@/lib/analytics/breakdown-keys";
import { BREAKDOWN_DIMENSIONS, type Breakdown, type BreakdownRow, type RevenueReport } from "@/lib/analytics/schemas";
import type { AnalyticsParams } from "@/lib/analytics/url-params";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { attributesOf, renderHtml } from "@/tests/support/render";
import { atUrl } from "@/tests/support/at-url";

function row(key: string, label: string | null, paidCount: number, revenue: number): BreakdownRow {
  return { key, label, paidCount, revenue, discounts: 0, averageDiscount: paidCount > 0 ? 0 : null, attempts: paidCount + 1, share: null };
}

// 30 products: "Produit 01" sells 1 for 1 000, … "Produit 30" sells 30 for 30 000 (service order: revenue desc).
const products = Array.from({ length: 30 }, (_, i) => row(`prd_${String(i + 1).padStart(2, "0")}`, `Produit ${String(i + 1).padStart(2, "0")}`, i + 1, (i + 1) * 1000)).reverse();
const rowsOf: Partial<Record<Breakdown["dimension"], BreakdownRow[]>> = {
  product: products,
  country: [row("BJ", null, 3, 9000), row("SN", null, 1, 4900)],
  discount: [row(UNKNOWN_DIMENSION_VALUE, null, 4, 13900)],
};

const report: RevenueReport = {
  range: { from: "2026-02-01", to: "2026-02-28", preset: "lastMonth", interval: "day", intervalAuto: true, compareMode: "none", compare: null, timeZone: "Africa/Abidjan" },
  currencies: ["XOF", "EUR"],
  currency: "XOF",
  hasSales: true,
  breakdowns: BREAKDOWN_DIMENSIONS.map((dimension) => ({ dimension, currency: "XOF", rows: rowsOf[dimension] ?? [], knownPaidCount: 4, paidCount: 4 })),
  customers: [
    { kind: "new", customers: 2, paidCount: 3, revenue: 9000 },
    { kind: "returning", customers: 1, paidCount: 1, revenue: 4900 },
  ],
  unknownCustomerSales: 0,
};

const params: AnalyticsParams = { range: "lastMonth", compare: "none", currency: "XOF" };

async function render(query: SearchParamsRecord, canExport = true, data = report): Promise<string> {
  const search = new URLSearchParams(query as Record<string, string>).toString();
  return renderHtml(atUrl(`/revenue?${search}`, <RevenueReportView report={data} params={params} cleared={[]} query={query} canExport={canExport} />));
}

/** The HTML of one table's block (from its test id to the next card). */
function block(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  const end = html.indexOf("<section", start);
  return html.slice(start, end === -1 ? undefined : end);
}

describe("Revenue figures (server HTML)", () => {
  it("a breakdown's first page, its sort and page links keeping the range and currency", async () => {
    const html = await render({ range: "lastMonth", currency: "XOF" });
    const table = block(html, "breakdown-product");
    // Default: revenue, largest first, 25 a page.
    const ids = attributesOf(table, "tr", "data-row-id");
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => `prd_${String(30 - i).padStart(2, "0")}`));
    const hrefs = attributesOf(table, "a", "href");
    expect(hrefs).toContain("/revenue?range=lastMonth&currency=XOF&product_page=2");
    expect(hrefs).toContain("/revenue?range=lastMonth&currency=XOF&product_sort=label&product_dir=desc");
    expect(hrefs).toContain("/revenue?range=lastMonth&currency=XOF&product_sort=revenue&product_dir=asc");
    expect(table).toContain("Page 1 sur 2");
    // Short breakdowns have no pager.
    expect(block(html, "breakdown-country")).not.toContain("page-indicator");
  });

  it("sorts by name and pages under the breakdown's own keys, other tables untouched", async () => {
    const html = await render({ range: "lastMonth", currency: "XOF", product_sort: "label", product_dir: "asc", product_page: "2", country_sort: "label", country_dir: "asc" });
    expect(attributesOf(block(html, "breakdown-product"), "tr", "data-row-id")).toEqual(["prd_26", "prd_27", "prd_28", "prd_29", "prd_30"]);
    // By name in French: Bénin before Sénégal.
    expect(attributesOf(block(html, "breakdown-country"), "tr", "data-row-id")).toEqual(["BJ", "SN"]);
  });

  it("names rows in the merchant's words and offers the export only to who may export", async () => {
    const html = await render({ range: "lastMonth", currency: "XOF" });
    expect(block(html, "breakdown-country")).toContain("Bénin");
    expect(block(html, "breakdown-discount")).toContain("Sans remise");
    expect(block(html, "breakdown-customers")).toContain("Nouveaux");
    expect(block(html, "breakdown-product")).toContain('data-testid="export-button"');
    // The export link carries the page's range and currency (French member: the Excel preset), the file
    // named as the route names it.
    expect(attributesOf(block(html, "breakdown-product"), "a", "href")).toContain("/api/analytics/revenue/product/export.csv?range=lastMonth&currency=XOF&preset=excel-fr");
    expect(attributesOf(block(html, "breakdown-product"), "a", "download")).toEqual(["revenue-product-XOF-2026-02-01_2026-02-28.csv"]);
    expect(block(html, "breakdown-customers")).toContain('data-testid="export-button"');
    const support = await render({ range: "lastMonth", currency: "XOF" }, false);
    expect(support).not.toContain('data-testid="export-button"');
    // A breakdown without rows says so; charts are placeholders until Recharts loads.
    expect(block(html, "breakdown-card-campaign")).toContain("Aucune vente sur cette période.");
    expect(html).toContain("Chargement du graphique…");
  });

  it("a currency without sales in the range is said to have none", async () => {
    const html = await render({ currency: "GBP" }, true, { ...report, currency: "GBP", hasSales: false, breakdowns: [], customers: [] });
    expect(html).toContain("Aucune vente en GBP sur cette période.");
    expect(html).not.toContain("breakdown-product");
  });
});
