// The customer page as the server sends it: the contact card's WhatsApp and e-mail buttons are plain
// links (wa.me with the international number, mailto:) at least 44 px tall, and the purchases list shows
// the Sales filters only above ten sales — a customer with one purchase gets the list alone, and a filter
// left in an old link is ignored rather than hiding a sale behind a bar that is not there.
import { describe, expect, it } from "vitest";
import { CustomerPurchases, purchasesQuery } from "@/app/(dashboard)/customers/[id]/customer-purchases";
import { CustomerContactCard } from "@/components/customers/customer-contact";
import type { CustomerContact } from "@/lib/customers/contact";
import { parseSalesView, type SaleListItem } from "@/lib/sales/schemas";
import { atUrl } from "@/tests/support/at-url";
import { elementByTestId, textOf } from "@/tests/support/html";
import { attributesOf, renderHtml } from "@/tests/support/render";

const sale = (id: string): SaleListItem => ({
  id, status: "completed", paymentStatus: "success", createdAt: "2026-03-01T10:00:00Z", customerId: "cus_1", customerName: "Awa Koné", customerEmail: "awa@example.com",
  productId: "prd_1", productName: "E-book", channel: "store", originalAmount: { minor: 4900, currency: "XOF" }, discountAmount: { minor: 0, currency: "XOF" },
  amount: { minor: 4900, currency: "XOF" }, discountCode: null, campaignName: null, country: "CI", paymentMethod: null,
});
const options = { products: [{ id: "prd_1", name: "E-book" }], discounts: [], campaigns: [], currencies: ["XOF"], countries: ["CI"] };

async function purchases(url: string, salesCount: number) {
  const parsed = new URL(url, "http://dash.test");
  const withFilters = salesCount > 10;
  const query = purchasesQuery(Object.fromEntries(parsed.searchParams), withFilters);
  const { view, cleared } = parseSalesView({ ...query, customer: "cus_1" });
  const rows = [sale("s1")];
  const element = (
    <CustomerPurchases
      customerId="cus_1"
      salesCount={salesCount}
      view={view}
      cleared={cleared}
      page={{ sales: rows, page: 1, size: 50, hasMore: false }}
      totals={{ count: rows.length, byCurrency: [] }}
      options={options}
      today="2026-03-15"
      query={query}
      canExport={false}
    />
  );
  return { html: await renderHtml(atUrl(url, element), "fr"), view };
}

describe("customer purchases (server HTML)", () => {
  it("a customer with one purchase: the list alone, no filter bar", async () => {
    const { html } = await purchases("/customers/cus_1", 1);
    expect(html).toContain('data-testid="sales-table"');
    expect(attributesOf(html, "tr", "data-row-id")).toEqual(["s1"]);
    expect(html).not.toContain('data-testid="sales-filters"');
    expect(html).not.toContain("filter-open-");
    expect(html).not.toContain('role="search"');
  });

  it("filters appear above ten sales, not at ten", async () => {
    expect((await purchases("/customers/cus_1", 10)).html).not.toContain('data-testid="sales-filters"');
    const { html } = await purchases("/customers/cus_1?status=failed", 11);
    expect(html).toContain('data-testid="sales-filters"');
    expect(textOf(elementByTestId(html, "filter-open-status")!)).toBe("Statut\u202f: Échouée");
  });

  it("without the bar, a filter left in the link is ignored; the table's own keys still apply", async () => {
    const { html, view } = await purchases("/customers/cus_1?status=failed&currency=EUR&sort=amount&dir=asc&page=2", 3);
    expect(view).toMatchObject({ customer: "cus_1", sort: "amount", dir: "asc", page: 2 });
    expect(view.status).toBeUndefined();
    expect(view.currency).toBeUndefined();
    // The table's links carry no stale filter.
    for (const href of attributesOf(html, "a", "href")) expect(href).not.toMatch(/status=|currency=/);
  });
});

describe("customer contact (server HTML)", () => {
  const contact: CustomerContact = { phone: "07 07 12 34 56", whatsappUrl: "https://wa.me/2250707123456", whatsappProblem: null, email: "awa@example.com", mailtoUrl: "mailto:awa@example.com" };

  it("shows the phone and a WhatsApp and an e-mail button as links, 44 px tall", async () => {
    const html = await renderHtml(<CustomerContactCard contact={contact} />, "fr");
    expect(textOf(elementByTestId(html, "customer-phone")!)).toBe("07 07 12 34 56");
    expect(attributesOf(elementByTestId(html, "customer-phone")!, "a", "href")).toEqual(["tel:0707123456"]);
    const whatsapp = elementByTestId(html, "customer-whatsapp")!;
    expect(attributesOf(whatsapp, "a", "href")).toEqual(["https://wa.me/2250707123456"]);
    expect(whatsapp).toContain('rel="noopener noreferrer"');
    expect(textOf(whatsapp)).toBe("WhatsApp");
    const mail = elementByTestId(html, "customer-mailto")!;
    expect(attributesOf(mail, "a", "href")).toEqual(["mailto:awa@example.com"]);
    expect(textOf(mail)).toBe("Envoyer un e-mail");
    for (const button of [whatsapp, mail]) expect(attributesOf(button, "a", "class")[0]).toContain("min-h-11");
  });

  it("without a usable number: no WhatsApp button, the reason, and e-mail as the main action", async () => {
    const html = await renderHtml(<CustomerContactCard contact={{ ...contact, whatsappUrl: null, whatsappProblem: "no_country" }} />, "fr");
    expect(html).not.toContain('data-testid="customer-whatsapp"');
    expect(textOf(elementByTestId(html, "customer-whatsapp-problem")!)).toBe("Pas de lien WhatsApp\u202f: le numéro est local et le pays du client est inconnu.");
    expect(attributesOf(elementByTestId(html, "customer-mailto")!, "a", "class")[0]).toContain("bg-brand-600");
    const none = await renderHtml(<CustomerContactCard contact={{ phone: null, whatsappUrl: null, whatsappProblem: "missing", email: null, mailtoUrl: null }} />, "en");
    expect(textOf(elementByTestId(none, "customer-phone")!)).toBe("Unknown (only Chariow’s Pulses carry it)");
    expect(none).not.toContain("customer-whatsapp-problem");
    expect(none).not.toContain("customer-mailto");
  });
});
