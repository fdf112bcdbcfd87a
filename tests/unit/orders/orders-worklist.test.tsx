// The Orders worklist as the server sends it, before JavaScript: the one table with one row (a card on a
// phone) per order, a labelled tick box each, the fulfilment state and the payment day in words, the sort
// and page links keeping the state filter, the courier export, the printable packing list, the empty state.
import { describe, expect, it } from "vitest";
import type { OrderView } from "@/components/orders/order-types";
import { OrdersWorklist, type OrdersWorklistProps } from "@/components/orders/orders-worklist";
import { attributesOf, renderHtml } from "@/tests/support/render";

const order = (saleId: string, o: Partial<OrderView> = {}): OrderView => ({
  saleId, customerName: "Awa Diallo", customerEmail: "awa@example.com", productName: "Coffret livre", addressLines: ["Lot 12, Rue 45", "Abidjan, Lagunes", "01000 CI"],
  phone: "+2250707123456", paidAt: "2026-04-10T23:30:00.000Z", fulfilment: "to_ship", carrier: null, trackingReference: null, reason: null, ...o,
});
const props = (o: Partial<OrdersWorklistProps> = {}): OrdersWorklistProps => ({
  orders: [order("s1"), order("s2", { fulfilment: "shipped", carrier: "DHL", trackingReference: "JD014600" }), order("s3", { fulfilment: "not_shippable", reason: "Adresse incomplète" })],
  total: 30,
  url: { pathname: "/orders", query: { state: "all", page: "1" } },
  sort: { column: "paid_at", dir: "asc" },
  hidden: [],
  page: { number: 1, size: 25, hasMore: true, sizes: [25, 50, 100] },
  exportHref: "/api/orders/export.csv?state=all",
  printedOn: "2026-05-02",
  ...o,
});

describe("OrdersWorklist (server HTML)", () => {
  it("renders each order as a row of the one table, its state and day in words", async () => {
    const html = await renderHtml(<OrdersWorklist {...props()} />, "fr", "Europe/Paris");
    expect(attributesOf(html, "tr", "data-row-id")).toEqual(["s1", "s2", "s3"]);
    expect(attributesOf(html, "input", "aria-label")).toEqual(["Sélectionner la commande s1", "Sélectionner la commande s2", "Sélectionner la commande s3"]);
    expect(html).toContain("Expédiée");
    expect(html).toContain("DHL — JD014600");
    expect(html).toContain("Adresse incomplète");
    expect(html).not.toMatch(/>(to_ship|shipped|not_shippable)</);
    // 23:30 UTC on the 10th is the 11th in Paris (the store's zone), never an ISO day.
    expect(html).toContain("11 avr. 2026");
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}</);
  });

  it("sorts and pages by links that keep the state filter, and offers the courier CSV of the filter", async () => {
    const html = await renderHtml(<OrdersWorklist {...props()} />);
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/orders?state=all&page=2");
    expect(hrefs).toContain("/orders?state=all&sort=paid_at&dir=desc");
    expect(hrefs).toContain("/orders?state=all&size=50");
    expect(hrefs).toContain("/sales/s1");
    expect(html).toContain("Page 1 sur 2");
    expect(html).toContain('data-testid="export-button"');
    // The packing list is in the page for Print, hidden on screen: the orders shown when none is selected.
    expect(html).toMatch(/data-testid="packing-list" class="hidden print:block"/);
    expect(html).toContain("Imprimé le 2 mai 2026");
  });

  it("says when no order is in the state, and offers no export without export:csv", async () => {
    const html = await renderHtml(<OrdersWorklist {...props({ orders: [], total: 0, page: { number: 1, size: 25, hasMore: false, sizes: [25] }, exportHref: null })} />, "en");
    expect(html).toContain("No orders in this state.");
    expect(html).not.toContain('data-testid="export-button"');
  });
});
