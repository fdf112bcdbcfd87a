// The Sales page as the server sends it, before any JavaScript: the filters in use are chips whose × is a
// link removing that filter, the others "+" openers, each editor a GET form to the page (statuses as
// checkboxes, days with presets in the store's calendar, Apply) that keeps the rest of the URL, "Reset" a
// link; the table's rows carry every code in words and every date in the store's zone; sort links keep
// the filters. Hand-built rows; expected days and hrefs written out here from a fixed "today".
import { describe, expect, it } from "vitest";
import { SalesClient, type SalesResponse } from "@/app/(dashboard)/sales/sales-client";
import { SalesTable } from "@/components/sales/sales-table";
import type { SaleListItem } from "@/lib/sales/schemas";
import { parseSalesView, salesQueryOf } from "@/lib/sales/schemas";
import { elementByTestId, textOf } from "@/tests/support/html";
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
  it("filters in use as chips whose × link removes that filter only, keeping the sort and dropping the page", async () => {
    const html = await render("/sales?status=failed,abandoned&currency=XOF&from=2026-03-01&to=2026-03-10&sort=amount&dir=desc&page=2", [sale("s1")]);
    const chips = elementByTestId(html, "filter-chips")!;
    expect(textOf(elementByTestId(chips, "filter-open-status")!)).toBe("Statut\u202f: Échouée, Abandonnée");
    expect(textOf(elementByTestId(chips, "filter-open-currency")!)).toBe("Devise\u202f: XOF");
    expect(textOf(elementByTestId(chips, "filter-open-date")!)).toBe("Date\u202f: du 1 mars 2026 au 10 mars 2026");
    const remove = (id: string) => attributesOf(elementByTestId(chips, `filter-${id}-remove`)!, "a", "href");
    expect(remove("status")).toEqual(["/sales?currency=XOF&from=2026-03-01&to=2026-03-10&sort=amount&dir=desc"]);
    expect(remove("currency")).toEqual(["/sales?status=failed%2Cabandoned&from=2026-03-01&to=2026-03-10&sort=amount&dir=desc"]);
    expect(remove("date")).toEqual(["/sales?status=failed%2Cabandoned&currency=XOF&sort=amount&dir=desc"]);
    expect(elementByTestId(chips, "filter-status-remove")).toContain('aria-label="Retirer le filtre Statut"');
    // "Reset" keeps the table's sort only.
    expect(attributesOf(elementByTestId(html, "filters-clear")!, "a", "href")).toEqual(["/sales?sort=amount&dir=desc"]);
    // A preset range reads as its name.
    const preset = await render("/sales?from=2026-03-09&to=2026-03-15", []);
    expect(textOf(elementByTestId(preset, "filter-open-date")!)).toBe("Date\u202f: 7 derniers jours");
  });

  it("offers each filter not in use as a '+' opener holding a GET form that keeps the rest of the URL", async () => {
    const html = await render("/sales?status=failed&currency=XOF&sort=amount&dir=desc&page=2", [sale("s1")]);
    // Behind one "+ Filtrer" on a phone: the filters not in use, in order; none of those in use.
    const more = html.slice(html.indexOf('data-testid="filters-toggle"'));
    expect(textOf(elementByTestId(html, "filters-toggle")!)).toBe("Filtrer");
    const openers = [...more.matchAll(/data-testid="filter-open-([a-zA-Z]+)"/g)].map((m) => m[1]);
    expect(openers).toEqual(["date", "product", "channel", "paymentStatus", "amount", "country", "discount", "campaign"]);
    expect(textOf(elementByTestId(html, "filter-open-product")!)).toBe("Produit");
    // The product editor: a GET form to the page with the other filters and the sort, not the page number.
    const product = elementByTestId(html, "filter-open-product")!;
    const productForm = html.slice(html.indexOf(product) + product.length);
    const form = productForm.slice(productForm.indexOf("<form"), productForm.indexOf("</form>"));
    expect(attributesOf(form, "form", "method")).toEqual(["get"]);
    expect(attributesOf(form, "form", "action")).toEqual(["/sales"]);
    const hidden = [...form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"\/>/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(hidden).toEqual(["status=failed", "currency=XOF", "sort=amount", "dir=desc"]);
    expect(form).toContain('<option value="prd_1">E-book</option>');
    expect(form).toMatch(/<button type="submit"[^>]*data-testid="filters-apply-product"[^>]*>Appliquer<\/button>/);
    // The status editor (inside its chip): checkboxes of one list in words, the chosen one checked, and
    // the other filters kept but not its own key.
    const statusChip = elementByTestId(html, "filter-chip-status")!;
    const statusForm = statusChip.slice(statusChip.indexOf("<form"), statusChip.indexOf("</form>"));
    expect([...statusForm.matchAll(/<input type="hidden" name="([^"]*)"/g)].map((m) => m[1])).toEqual(["currency", "sort", "dir"]);
    const boxes = [...statusForm.matchAll(/<input type="checkbox"([^>]*)\/>([^<]*)/g)].map((m) => [/value="([^"]*)"/.exec(m[1]!)![1], m[1]!.includes('checked=""'), m[2]]);
    expect(boxes).toEqual([
      ["awaiting_payment", false, "En attente de paiement"],
      ["completed", false, "Payée"],
      ["failed", true, "Échouée"],
      ["abandoned", false, "Abandonnée"],
      ["settled", false, "Versée"],
    ]);
    // Channels, payment statuses and countries offered in words (countries by name).
    expect(html).toContain('<option value="store">Boutique</option>');
    expect(html).toContain('<option value="success">Réussi</option>');
    expect(html.indexOf(">Bénin<")).toBeLessThan(html.indexOf(">Sénégal<"));
    // Day presets in the store's calendar (today 2026-03-15), other filters kept, page dropped.
    const presets = ["last7", "lastMonth"].flatMap((p) => attributesOf(elementByTestId(html, `date-preset-${p}`)!, "a", "href"));
    expect(presets).toEqual(["/sales?status=failed&currency=XOF&sort=amount&dir=desc&from=2026-03-09&to=2026-03-15", "/sales?status=failed&currency=XOF&sort=amount&dir=desc&from=2026-02-01&to=2026-02-28"]);
    // Every editor's popover shares one name: one open at a time.
    expect(new Set(attributesOf(html, "details", "name"))).toEqual(new Set(["sales-filter"]));
    // The search box: its own GET form keeping the filters and the sort.
    const search = html.slice(html.indexOf('role="search"'));
    expect([...search.slice(0, search.indexOf("</form>")).matchAll(/<input type="hidden" name="([^"]*)"/g)].map((m) => m[1])).toEqual(["status", "currency", "sort", "dir"]);
  });

  it("no chip and no Reset without a filter; every filter behind the openers", async () => {
    const html = await render("/sales", [sale("s1")]);
    expect(elementByTestId(html, "filter-chips")).toBeNull();
    expect(html).not.toContain('data-testid="filters-clear"');
    expect([...html.matchAll(/data-testid="filter-open-([a-zA-Z]+)"/g)].map((m) => m[1])).toEqual(["status", "date", "product", "currency", "channel", "paymentStatus", "amount", "country", "discount", "campaign"]);
    expect(textOf(elementByTestId(html, "filter-open-status")!)).toBe("Statut");
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
    expect(new Set(attributesOf(html, "form", "action"))).toEqual(new Set(["/customers/cus_1"]));
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
