// The Downloads page's tables and form as the server sends them, before any JavaScript: each list in the
// one table with its own prefixed sort and page links (keeping the other tables' state and the filters),
// dates and counts in French words (never an ISO string; an unknown count is "inconnu", not 0), the contact
// buttons only where the member may contact, the empty states, and a GET form that keeps the tables' sort.
import { describe, expect, it } from "vitest";
import { DownloadsFilters } from "@/components/downloads/downloads-filters";
import { EngagementTable, NotAccessedTable, RecentSalesTable, UnusualTable, type DownloadListProps } from "@/components/downloads/download-tables";
import type { DownloadFact } from "@/lib/downloads/download-facts";
import type { NotAccessedSale } from "@/lib/downloads/download-stats";
import { downloadsQuerySchema } from "@/lib/downloads/schemas";
import { parsePageQuery } from "@/lib/http/page-query";
import { attributesOf, renderHtml } from "@/tests/support/render";

const visibleText = (html: string) => html.replace(/<[^>]+>/g, " ");

const fact = (saleId: string, over: Partial<DownloadFact> = {}): DownloadFact => ({
  saleId, status: "completed", productId: "prd_1", productName: "Guide PDF", customerId: null, customerName: "Awa Diallo", customerEmail: "awa@example.com",
  currency: "XOF", amount: 5000, completedAt: "2026-05-01T09:30:00.000Z", downloadTotal: 0, downloadLastAt: null, ...over,
});

const query = { days: "5", recent_sort: "downloads", recent_dir: "desc", waiting_page: "2" };
function props<Row>(rows: Row[], over: Partial<DownloadListProps<Row>> = {}): DownloadListProps<Row> {
  return {
    rows,
    page: { number: 1, size: 25, hasMore: true, totalRows: 40 },
    url: { pathname: "/downloads", query },
    sort: { column: "paid_at", dir: "asc" },
    hidden: [],
    exportHref: "/api/downloads/export.csv?list=not-accessed&days=5",
    ...over,
  };
}

describe("Downloads tables (server HTML)", () => {
  it("lists the buyers to remind with dates in words, prefixed links that keep the rest of the URL, and the contact buttons", async () => {
    const rows: NotAccessedSale[] = [{ ...fact("sal_1"), daysSincePayment: 9 }, { ...fact("sal_2", { customerName: null, customerEmail: null }), daysSincePayment: 4 }];
    const html = await renderHtml(<NotAccessedTable defaultLanguage="fr" canContact {...props(rows, { page: { number: 2, size: 25, hasMore: false, totalRows: 27 } })} />);
    expect(attributesOf(html, "tr", "data-row-id")).toEqual(["sal_1", "sal_2"]);
    expect(visibleText(html)).toContain("1 mai 2026");
    expect(visibleText(html)).not.toContain("2026-05-01");
    expect(html).toContain("9 j");
    expect(html).toContain("Client inconnu");
    const hrefs = attributesOf(html, "a", "href");
    // Its own keys (waiting_*), the other table's sort and the filters kept.
    expect(hrefs).toContain("/downloads?days=5&recent_sort=downloads&recent_dir=desc&waiting_sort=paid_at&waiting_dir=desc");
    expect(hrefs).toContain("/downloads?days=5&recent_sort=downloads&recent_dir=desc&waiting_page=1");
    expect(hrefs).toContain("/sales/sal_1");
    expect(html).toContain("Page 2 sur 2");
    expect(html).toContain(">WhatsApp<");
    expect(html).toContain('data-testid="downloads-contact-language"');
    expect(html).toContain(">français<");
    expect(html).toContain('data-testid="export"');
  });

  it("offers no contact and no export to a member who may not, and says when nobody is waiting", async () => {
    const html = await renderHtml(<NotAccessedTable defaultLanguage="fr" canContact={false} {...props([], { exportHref: null })} />);
    expect(html).toContain("Tous les acheteurs connus ont téléchargé leurs fichiers.");
    expect(html).not.toContain("WhatsApp");
    expect(html).not.toContain('data-testid="export"');
  });

  it("shows download counts, never an unknown count as 0, and 'never' for a sale with none", async () => {
    const rows = [fact("sal_a", { downloadTotal: 1234, downloadLastAt: "2026-05-03T18:00:00.000Z" }), fact("sal_b", { downloadTotal: null }), fact("sal_c", { downloadTotal: 0 })];
    const html = await renderHtml(<RecentSalesTable {...props(rows, { sort: { column: "downloads", dir: "desc" } })} />);
    const text = visibleText(html);
    expect(text).toMatch(/1\s234/); // grouped the French way
    expect(text).toContain("3 mai 2026");
    expect(text).toContain("inconnu");
    expect(text).toContain("jamais");
    expect(attributesOf(html, "a", "href")).toContain("/downloads?days=5&recent_sort=downloads&recent_dir=asc&waiting_page=2");
    expect(html).toContain('data-testid="downloads-recent-table"');
  });

  it("shows unusual sales and the empty state", async () => {
    const html = await renderHtml(<UnusualTable {...props([fact("sal_x", { downloadTotal: 50, downloadLastAt: "2026-05-03T18:00:00.000Z" })])} />);
    expect(attributesOf(html, "tr", "data-row-id")).toEqual(["sal_x"]);
    expect(attributesOf(html, "a", "data-testid")).toContain("sort-downloads");
    const empty = await renderHtml(<UnusualTable {...props([])} />);
    expect(empty).toContain("Aucune vente au-delà de la limite.");
  });

  it("shows engagement as a percentage and the median in hours with its sample", async () => {
    const html = await renderHtml(
      <EngagementTable
        {...props([
          { productId: "prd_1", productName: "Guide PDF", paidSales: 8, knownSales: 4, downloaded: 3, share: 0.75, medianHoursToFirst: 6.25, firstDownloadSample: 2 },
          { productId: "prd_2", productName: null, paidSales: 1, knownSales: 0, downloaded: 0, share: null, medianHoursToFirst: null, firstDownloadSample: 0 },
        ], { sort: { column: "paid_sales", dir: "desc" } })}
      />,
    );
    const text = visibleText(html);
    expect(text).toMatch(/75\s%/);
    expect(text).toContain("6,3 h (2)");
    expect(text).toContain("— (0)");
    expect(text).toContain("prd_2");
  });
});

describe("Downloads filters (server HTML)", () => {
  it("is a GET form keeping the tables' sort but not their pages", async () => {
    const html = await renderHtml(<DownloadsFilters pathname="/downloads" query={query} filter={{ days: 5 }} />);
    expect(attributesOf(html, "form", "method")).toEqual(["get"]);
    expect(html).toContain('<input type="hidden" name="recent_sort" value="downloads"/>');
    expect(html).not.toContain('name="waiting_page"');
    expect(html).toMatch(/name="days" value="5"/);
    expect(html).toContain('placeholder="Automatique"');
  });

  it("reads the form's empty fields as defaults, not as bad values", () => {
    expect(parsePageQuery(downloadsQuerySchema, { days: "", threshold: "" })).toEqual({ value: { days: 3 }, cleared: [] });
    expect(parsePageQuery(downloadsQuerySchema, { days: "0", threshold: "2" })).toEqual({ value: { days: 3, threshold: 2 }, cleared: ["days"] });
  });
});
