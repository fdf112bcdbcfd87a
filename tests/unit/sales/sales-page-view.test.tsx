// The Sales page as the server sends it, before any JavaScript: the filters are a GET form to the page
// (statuses as checkboxes, days with presets in the store's calendar, Apply, "Clear filters" a link) that
// keeps the table's sort; the table's rows carry every code in words and every date in the store's zone;
// sort links keep the filters. Hand-built rows; expected days computed here from a fixed "today".
import { describe, expect, it } from "vitest";
import { SalesClient, type SalesResponse } from "@/app/(dashboard)/sales/sales-client";
import { SalesTable } from "@/components/sales/sales-table";
import type { SaleListItem } from "@/lib/sales/schemas";
import { parseSalesView, salesQueryOf } from "@/lib/sales/schemas";
import { attributesOf, renderHtml } from "@/tests/support/render";
import { atUrl } from "@/tests/support/at-url";

const sale = (id: string, over: Partial<SaleListItem> = {}): SaleListItem => ({
  id, status: "failed", paymentStatus: "failed", createdAt: "2026-03-01T23:30:00Z", customerId: "cus_1", customerName: "Awa Koné", customerEmail: "awa@example.com",
  productId: "prd_1", productName: "E-book", channel: "store", originalAmount: { minor: 4900, currency: "XOF" }, discountAmount: { minor: 0, currency: "XOF" },
  amount: { minor: 4900, currency: "XOF" }, discountCode: null, campaignName: null, country: "BJ", paymentMethod: "MTN Mobile Money", ...over,
});

const options = { products: [{ id: "prd_1", name: "E-book" }], discounts: [], campaigns: [], currencies: ["EUR", "XOF"], countries: ["SN", "BJ"] };

async function render(url: string, rows: SaleListItem[], extra: { fixedCustomer?: string } = {}): Promise<string> {
  const query = new URL(url, "http://dash.test");
  const params = new URLSearchParams(query.searchParams);
  if (extra.fixedCustomer) params.set("customer", extra.fixedCustomer);
  const { view, cleared } = parseSalesView(params);
  const initial: SalesResponse = { sales: rows, page: view.page, size: view.size, hasMore: false, totals: { count: rows.length, byCurrency: [] } };
  const results = <SalesTable view={view} page={initial} totals={initial.totals} pathname={query.pathname} query={Object.fromEntries(query.searchParams)} canExport={false} fixedCustomer={extra.fixedCustomer} />;
  return renderHtml(
    atUrl(url, <SalesClient view={view} cleared={cleared} options={options} today="2026-03-15" basePath={query.pathname} results={results} {...extra} />),
    "fr",
    "Europe/Paris",
  );
}

describe("Sales page (server HTML)", () => {
  it("filters as a GET form that keeps the table's sort; presets in the store's calendar", async () => {
    const html = await render("/sales?status=failed&currency=XOF&sort=amount&dir=desc&page=2", [sale("s1")]);
    const form = html.slice(html.indexOf("<form"), html.indexOf("</form>"));
    expect(attributesOf(form, "form", "method")).toEqual(["get"]);
    expect(attributesOf(form, "form", "action")).toEqual(["/sales"]);
    // The table's sort rides along; its page does not (a new filter starts on page 1).
    expect(form).toContain('<input type="hidden" name="sort" value="amount"/>');
    expect(form).toContain('<input type="hidden" name="dir" value="desc"/>');
    expect(form).not.toContain('name="page"');
    // Statuses are checkboxes of one list, in words; the chosen one checked.
    const boxes = [...form.matchAll(/<input type="checkbox"([^>]*)\/>([^<]*)/g)].map((m) => [/value="([^"]*)"/.exec(m[1]!)![1], m[1]!.includes('checked=""'), m[2]]);
    expect(boxes).toEqual([
      ["awaiting_payment", false, "En attente de paiement"],
      ["completed", false, "Payée"],
      ["failed", true, "Échouée"],
      ["abandoned", false, "Abandonnée"],
      ["settled", false, "Versée"],
    ]);
    expect(form.match(/name="status"/g)).toHaveLength(5);
    // Currency chosen; channels, payment statuses and countries offered in words (countries by name).
    expect(form).toContain('<option value="XOF" selected="">XOF</option>');
    expect(form).toContain('<option value="store">Boutique</option>');
    expect(form).toContain('<option value="success">Réussi</option>');
    expect(form.indexOf(">Bénin<")).toBeLessThan(form.indexOf(">Sénégal<"));
    // "More filters" is open because one of them (currency) is set.
    expect(form).toMatch(/<details open=""/);
    // Presets: last 7 days to "today" (2026-03-15) in the store's calendar, other filters kept, page dropped.
    expect(attributesOf(form, "a", "href")).toContain("/sales?status=failed&currency=XOF&sort=amount&dir=desc&from=2026-03-09&to=2026-03-15");
    expect(attributesOf(form, "a", "href")).toContain("/sales?status=failed&currency=XOF&sort=amount&dir=desc&from=2026-02-01&to=2026-02-28");
    // Apply submits; "Clear filters" keeps the sort only.
    expect(form).toMatch(/<button type="submit"[^>]*>Appliquer<\/button>/);
    expect(attributesOf(form, "a", "href")).toContain("/sales?sort=amount&dir=desc");
  });

  it("rows in words and the store's zone, sort links keeping the filters", async () => {
    const html = await render("/sales?status=failed", [sale("s1"), sale("s2", { status: "completed", paymentStatus: "success", channel: "affiliate", paymentMethod: "mtn_momo", country: "SN" })]);
    const table = html.slice(html.indexOf('data-testid="sales-table"'));
    expect(attributesOf(table, "tr", "data-row-id")).toEqual(["s1", "s2"]);
    for (const words of ["Échouée", "Payée", "Réussi", "Boutique", "Affiliation", "Bénin", "Sénégal", "MTN Mobile Money", "2 mars 2026, 00:30"]) expect(table).toContain(words);
    // One method, whichever form Chariow sent: the name and the id read the same.
    expect(table.split("MTN Mobile Money").length - 1).toBe(2);
    for (const code of [">failed<", ">success<", ">store<", ">BJ<", ">mtn_momo<", ">2026-03-01"]) expect(table).not.toContain(code);
    expect(attributesOf(table, "a", "href")).toContain("/sales?status=failed&sort=amount&dir=desc");
    expect(attributesOf(table, "a", "href")).toContain("/customers/cus_1");
  });

  it("names what the page cleared from a bad link and keeps the rest in the form", async () => {
    const html = await render("/sales?currency=EURO&status=failed", [sale("s1")]);
    const notice = html.slice(html.indexOf('data-testid="cleared-filters"'));
    expect(notice.slice(0, notice.indexOf("</div>"))).toContain("currency");
    const checked = [...html.matchAll(/<input type="checkbox"([^>]*)\/>/g)].filter((m) => m[1]!.includes('checked=""')).map((m) => /value="([^"]*)"/.exec(m[1]!)![1]);
    expect(checked).toEqual(["failed"]);
    expect(await render("/sales?status=failed", [sale("s1")])).not.toContain('data-testid="cleared-filters"');
  });

  it("says when no sale matches; the customer page offers no customer filter and its form stays on the customer", async () => {
    const html = await render("/customers/cus_1", [], { fixedCustomer: "cus_1" });
    expect(html).toContain("Aucune vente ne correspond à ces filtres.");
    expect(attributesOf(html, "form", "action")).toEqual(["/customers/cus_1"]);
    expect(html).not.toContain('name="customer"');
  });
});

describe("salesQueryOf", () => {
  it("joins a list filter's repeated keys (checkboxes), keeps the last of any other, reads a decimal comma", () => {
    expect(salesQueryOf({ status: ["failed", "abandoned"], currency: ["EUR", "XOF"], min: "12,5", q: "" })).toEqual({ status: "failed,abandoned", currency: "XOF", min: "12.5", q: "" });
    expect(salesQueryOf(new URLSearchParams("status=failed&status=&channel=store&channel=affiliate"))).toEqual({ status: "failed", channel: "store,affiliate" });
    // What a GET form sends before JavaScript parses to the same view as the canonical URL.
    const form = parseSalesView(new URLSearchParams("q=&from=&to=2026-02-01&status=failed&status=abandoned&product=&currency=XOF&min=&max=100"));
    expect(form.cleared).toEqual([]);
    expect(form.view).toMatchObject({ status: ["failed", "abandoned"], currency: "XOF", to: "2026-02-01", max: "100" });
  });
});
