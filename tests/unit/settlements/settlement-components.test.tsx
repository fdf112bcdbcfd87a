// The Settlements page's parts as the server renders them, before JavaScript: the payout timeline and a
// payout's sales in the one table (cards on a phone), links that open a payout and page through its sales
// under their own `sales_` keys while keeping the range, every state and date in words (no ISO string),
// and the empty states.
import { describe, expect, it } from "vitest";
import { hrefWith } from "@/components/data-table/table-state";
import { NextPayoutCard } from "@/components/settlements/next-payout-card";
import { PayoutSales } from "@/components/settlements/payout-sales";
import { PayoutTimeline } from "@/components/settlements/payout-timeline";
import type { PayoutGroup } from "@/lib/settlements/group-settlements";
import type { PayoutSale } from "@/lib/settlements/list-settlements";
import { attributesOf, renderHtml } from "@/tests/support/render";

const group = (o: Partial<PayoutGroup>): PayoutGroup => ({
  currency: "XOF", dueDay: "2026-03-29", dueAt: "2026-03-29T10:00:00.000Z", doneAt: null, status: "due", salesCount: 2, settledCount: 0,
  gross: 20_000, net: 18_400, deducted: 1_600, gatewayFee: 600, serviceFee: 1_000, incompleteCount: 0, ...o,
});
const groups = [
  group({ dueDay: "2026-04-02", status: "due" }),
  group({ dueDay: "2026-03-30", status: "overdue", gatewayFee: null }),
  group({ dueDay: "2026-03-29", status: "settled", doneAt: "2026-03-29T23:30:00.000Z", settledCount: 2 }),
];
const query = { from: "2026-03-01", to: "2026-04-14", page: "2" };
const drillHref = (g: PayoutGroup) => hrefWith("/settlements", query, { currency: g.currency, day: g.dueDay }, "sales_page");

describe("PayoutTimeline (server HTML)", () => {
  it("shows each payout's state and days in words, opens its sales keeping the range and the page", async () => {
    const html = await renderHtml(
      <PayoutTimeline groups={groups} drillHref={drillHref} url={{ pathname: "/settlements", query }} sort={{ column: "due_day", dir: "desc" }} page={{ number: 2, size: 25, hasMore: false, totalRows: 28 }} selectedKey="XOF-2026-03-30" />,
      "fr",
      "Africa/Abidjan",
    );
    expect(attributesOf(html, "span", "data-payout-status")).toEqual(["due", "overdue", "settled"]);
    // Paid out on the 29th at 23:30 UTC: the 29th in Abidjan, in words.
    expect(html).toContain("Versé le 29 mars 2026");
    expect(html).toContain("2 avr. 2026");
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}</); // no ISO day on screen
    expect(html).toContain("18\u202f400\u00a0XOF");
    expect(attributesOf(html, "a", "href")).toContain("/settlements?from=2026-03-01&to=2026-04-14&page=2&currency=XOF&day=2026-03-30");
    expect(html).toMatch(/data-row-id="XOF-2026-03-30"[^>]*aria-current="true"/);
    // The timeline's own pages keep the range: page 1 is a link.
    expect(attributesOf(html, "a", "href")).toContain("/settlements?from=2026-03-01&to=2026-04-14&page=1");
    // A fee not known for every sale says so, never a partial sum.
    expect(html).toContain("Inconnu");
  });

  it("says when the range has no payout", async () => {
    const html = await renderHtml(<PayoutTimeline groups={[]} drillHref={drillHref} url={{ pathname: "/settlements", query: {} }} />, "en");
    expect(html).toContain("No payout in this range.");
  });
});

describe("PayoutSales (server HTML)", () => {
  const sale = (id: string, o: Partial<PayoutSale> = {}): PayoutSale => ({
    id, status: "completed", productName: "Formation", customerEmail: `${id}@example.com`, currency: "XOF", amount: 10_000, gatewayFee: 300, serviceFee: 500, net: 9_200,
    completedAt: "2026-03-27T01:00:00.000Z", dueAt: "2026-03-30T10:00:00.000Z", doneAt: null, overdue: true, movedFromDueAt: null, ...o,
  });
  it("pages under the sales_ keys, keeping the timeline's range, page and open payout", async () => {
    const url = { pathname: "/settlements", query: { ...query, currency: "XOF", day: "2026-03-30", sales_page: "2" } };
    const html = await renderHtml(
      <PayoutSales title="2 ventes" sales={[sale("s1"), sale("s2", { doneAt: "2026-03-30T11:00:00.000Z", overdue: false })]} url={url} sort={{ column: "completed_at", dir: "desc" }} page={{ number: 2, size: 25, hasMore: true, totalRows: 60 }} />,
    );
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/settlements?from=2026-03-01&to=2026-04-14&page=2&currency=XOF&day=2026-03-30&sales_page=3");
    expect(hrefs).toContain("/settlements?from=2026-03-01&to=2026-04-14&page=2&currency=XOF&day=2026-03-30&sales_sort=completed_at&sales_dir=asc");
    expect(hrefs).toContain("/sales/s1");
    expect(attributesOf(html, "tr", "data-row-id")).toEqual(["s1", "s2"]);
    expect(html).toContain("En retard");
    expect(html).toContain("Versé le 30 mars 2026");
    expect(html).toContain("27 mars 2026, 01:00"); // paid at, in the store's zone (Abidjan = UTC)
    expect(html).toContain("<caption");
  });
});

describe("NextPayoutCard (server HTML)", () => {
  it("gives each currency's next payout with its day in words", async () => {
    const html = await renderHtml(<NextPayoutCard payouts={[{ currency: "XAF", dueDay: "2026-04-02", net: 7_287, salesCount: 1 }]} />, "en");
    expect(html).toContain("XAF");
    expect(html.replace(/<[^>]+>/g, "")).toContain("Apr 2, 2026 · 1 sale");
    expect(html).toContain('data-due-day="2026-04-02"');
    expect(await renderHtml(<NextPayoutCard payouts={[]} />)).toContain("Aucun versement à venir connu.");
  });
});

describe("two export controls on one page", () => {
  it("label each preset choice with its own id (the timeline's and the payout's)", async () => {
    const html = await renderHtml(
      <>
        <PayoutTimeline groups={groups} drillHref={drillHref} url={{ pathname: "/settlements", query }} exportControl={{ href: "/api/settlements/timeline/export.csv", filename: "a.csv" }} />
        <PayoutSales title="x" sales={[]} url={{ pathname: "/settlements", query }} exportControl={{ href: "/api/settlements/export.csv", filename: "b.csv" }} />
      </>,
    );
    const ids = attributesOf(html, "select", "id");
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(attributesOf(html, "label", "for").sort()).toEqual([...ids].sort());
  });
});
