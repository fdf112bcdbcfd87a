// The Overview's figures as the server sends them, before any JavaScript: the range control is a GET form
// (Apply, the currency carried along), the currency switch is links keeping the range, the KPI cards,
// the revenue table (one row per bucket) and the top products (each a link to its sales) are in the
// HTML, and the chart is only a placeholder until Recharts loads. Hand-built figures.
import { describe, expect, it } from "vitest";
import type { CurrencyKpis, CurrencyOverview, Overview } from "@/lib/analytics/schemas";
import { OverviewAnalytics } from "@/app/(dashboard)/overview/overview-analytics";
import { RecentSalesTable } from "@/components/overview/recent-sales-table";
import type { RecentSale } from "@/lib/overview/schemas";
import { attributesOf, renderHtml } from "@/tests/support/render";
import { atUrl } from "@/tests/support/at-url";

function kpis(currency: string, over: Partial<CurrencyKpis> = {}): CurrencyKpis {
  return {
    currency, paidCount: 3, paidRevenue: 14_700, attempts: 6, conversion: 0.5, averageOrderValue: 4_900, discounts: 0, netRevenue: 0, netKnownCount: 0,
    gatewayFees: 0, serviceFees: 0, failedCount: 2, failedValue: 9_800, abandonedCount: 1, abandonedValue: 4_900, ...over,
  };
}

const xof: CurrencyOverview = {
  currency: "XOF",
  kpis: kpis("XOF", { paidCount: 1234 }),
  previous: null,
  changes: null,
  series: [
    { bucket: "2026-02-02", revenue: 4_900, paidCount: 1, previousBucket: null, previousRevenue: null },
    { bucket: "2026-02-09", revenue: 0, paidCount: 0, previousBucket: null, previousRevenue: null },
    { bucket: "2026-02-16", revenue: 9_800, paidCount: 2, previousBucket: null, previousRevenue: null },
  ],
  topProducts: [{ id: "prd_ebook", name: "E-book : Lancer son business", paidCount: 2, revenue: 9_800 }],
};

const overview: Overview = {
  range: { from: "2026-02-01", to: "2026-02-28", preset: "lastMonth", interval: "week", intervalAuto: false, compareMode: "none", compare: null, timeZone: "Africa/Abidjan" },
  currencies: ["XOF", "EUR"],
  byCurrency: [xof, { ...xof, currency: "EUR", kpis: kpis("EUR"), topProducts: [] }],
};

const render = (url: string, params: Parameters<typeof OverviewAnalytics>[0]["params"], data = overview) =>
  renderHtml(atUrl(url, <OverviewAnalytics overview={data} params={params} cleared={[]} />));

describe("Overview figures (server HTML)", () => {
  it("range control as a GET form, currency links, cards, the revenue table and top products", async () => {
    const html = await render("/overview?range=lastMonth&interval=week&currency=XOF", { range: "lastMonth", compare: "none", interval: "week", currency: "XOF" });
    // The control: a GET form to the page, the preset and interval chosen, Apply, the currency kept.
    expect(attributesOf(html, "form", "method")).toEqual(["get"]);
    expect(attributesOf(html, "form", "action")).toEqual(["/overview"]);
    expect(html).toMatch(/<select[^>]*name="range"[^>]*data-testid="range-preset"/);
    expect(html).toContain('<option value="lastMonth" selected="">');
    expect(html).toContain('<option value="week" selected="">');
    expect(html).toContain('<input type="hidden" name="currency" value="XOF"/>');
    expect(html).toMatch(/<button type="submit"[^>]*>Appliquer<\/button>/);
    // Currency links keep the range.
    expect(attributesOf(html, "a", "href")).toContain("/overview?range=lastMonth&interval=week&currency=EUR");
    // The cards of the shown currency, in French.
    expect(html).toContain('data-currency="XOF"');
    expect(html).toMatch(/data-testid="kpi-paid-count-value">1\u202f234</);
    // One row per bucket, labelled as days, not ISO strings.
    const series = html.slice(html.indexOf('data-testid="revenue-series-table"'));
    expect(attributesOf(series, "tr", "data-row-id").slice(0, 3)).toEqual(["2026-02-02", "2026-02-09", "2026-02-16"]);
    expect(series).toContain("16 févr.");
    // Top products lead to their sales in this currency.
    expect(attributesOf(html, "a", "href")).toContain("/sales?product=prd_ebook&currency=XOF");
    // The chart is not in the HTML: a placeholder holds its place until Recharts has loaded.
    expect(html).toContain("Chargement du graphique…");
    expect(html).not.toContain("recharts");
  });

  it("a currency asked without sales says so, with no other currency's cards", async () => {
    const html = await render("/overview?currency=GBP", { range: "last30", compare: "none", currency: "GBP" });
    expect(html).toContain("Aucune vente en GBP sur cette période.");
    expect(html).not.toContain('data-testid="kpi-cards"');
    expect(attributesOf(html, "a", "href")).toEqual(["/overview?range=last30&currency=XOF", "/overview?range=last30&currency=EUR"]);
  });

  it("a range without sales says so", async () => {
    const html = await render("/overview", { range: "last30", compare: "none" }, { ...overview, currencies: [], byCurrency: [] });
    expect(html).toContain("Aucune vente sur cette période.");
  });
});

describe("Recent sales (server HTML)", () => {
  const sale = (id: string, over: Partial<RecentSale> = {}): RecentSale => ({
    id, status: "completed", customer: "Awa Koné", product: "E-book", amount: { minor: 4900, currency: "XOF" }, createdAt: "2026-03-01T23:30:00Z", source: "list", updatedAt: "2026-03-01T23:30:00Z", ...over,
  });

  it("one row per sale leading to it: status in words, the time in the store's zone, Pulse arrivals said", async () => {
    const html = await renderHtml(<RecentSalesTable sales={[sale("s_1", { source: "pulse" }), sale("s_2", { status: "awaiting_payment", customer: null })]} />, "fr", "Europe/Paris");
    expect(attributesOf(html, "tr", "data-row-id")).toEqual(["s_1", "s_2"]);
    expect(attributesOf(html, "tr", "data-href")).toEqual(["/sales/s_1", "/sales/s_2"]);
    expect(attributesOf(html, "a", "href")).toEqual(["/sales/s_1", "/sales/s_2"]);
    expect(html).toContain(">Payée<");
    expect(html).toContain(">En attente de paiement<");
    expect(html).not.toContain("awaiting_payment<");
    // 23:30 UTC is 00:30 the next day in Paris.
    expect(html).toContain("2 mars 2026, 00:30");
    expect(html).toContain("via Pulse");
  });

  it("an empty mirror says so", async () => {
    expect(await renderHtml(<RecentSalesTable sales={[]} />)).toContain("Aucune vente pour l’instant");
  });
});
