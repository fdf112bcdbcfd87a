// The Licences page as the server sends it, before any JavaScript: the one table with sort and page links
// that keep the filters, statuses and dates in French words (never a code or an ISO string), the key
// masked behind its Reveal button, the export controls only when given, the empty state, and the
// filter form and status links that work as plain GET requests.
import { describe, expect, it } from "vitest";
import { LicencesFilters, LicenceStatusCounts } from "@/components/licences/licences-filters";
import { LicencesTable, type LicencesTableProps } from "@/components/licences/licences-table";
import type { LicenceRow } from "@/lib/licences/list-licences";
import { attributesOf, renderHtml } from "@/tests/support/render";

/** What a reader sees: the HTML without its tags (attributes such as <time dateTime> are machine-only). */
const visibleText = (html: string) => html.replace(/<[^>]+>/g, " ");

const row = (over: Partial<LicenceRow>): LicenceRow => ({
  licenceId: "lic_1",
  saleId: "sal_1",
  maskedKey: "ABCD••••",
  status: "active",
  activations: 1,
  maxActivations: 3,
  expiresAt: "2026-06-01T10:00:00.000Z",
  productId: "prd_1",
  productName: "Guide PDF",
  customerName: "Awa Diallo",
  customerEmail: "awa@example.com",
  ...over,
});

const props = (over: Partial<LicencesTableProps> = {}): LicencesTableProps => ({
  list: {
    rows: [row({}), row({ licenceId: "lic_2", saleId: null, status: "pending_activation", expiresAt: null, customerName: null, customerEmail: "kofi@example.com", activations: null, maxActivations: null })],
    total: 60,
    page: 1,
    size: 25,
    hasMore: true,
  },
  url: { pathname: "/licences", query: { status: "active", q: "awa" } },
  sort: { column: "expires_at", dir: "asc" },
  hidden: [],
  exportHref: "/api/licences/export.csv?status=active&keys=masked",
  clearExportHref: null,
  ...over,
});

describe("Licences table (server HTML)", () => {
  it("renders the rows in the one table with the statuses and dates in words", async () => {
    const html = await renderHtml(<LicencesTable {...props()} />, "fr", "Africa/Abidjan");
    expect(attributesOf(html, "tr", "data-row-id")).toEqual(["lic_1", "lic_2"]);
    expect(html).toContain(">Active<");
    expect(html).toContain("En attente d&#x27;activation");
    expect(html).not.toMatch(/>pending_activation</);
    expect(html).toContain("1 juin 2026");
    expect(visibleText(html)).not.toContain("2026-06-01");
    expect(html).toContain("Sans expiration");
    expect(html).toContain("Vente inconnue");
    expect(html).toContain("ABCD••••");
    expect(html).toContain("Afficher");
    expect(html).toContain("? / ?");
    expect(attributesOf(html, "a", "href")).toContain("/sales/sal_1");
  });

  it("links sort, pages and sizes to the URL, keeping the filters", async () => {
    const html = await renderHtml(<LicencesTable {...props()} />);
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/licences?status=active&q=awa&sort=expires_at&dir=desc");
    expect(hrefs).toContain("/licences?status=active&q=awa&sort=customer&dir=desc");
    expect(hrefs).toContain("/licences?status=active&q=awa&page=2");
    expect(hrefs).toContain("/licences?status=active&q=awa&size=50");
    expect(hrefs.some((h) => h.includes("sort=key") || h.includes("sort=sale"))).toBe(false);
    expect(html).toContain("Page 1 sur 3");
  });

  it("offers the export only when given one, the keys-in-clear export apart", async () => {
    const none = await renderHtml(<LicencesTable {...props({ exportHref: null })} />);
    expect(none).not.toContain('data-testid="export"');
    expect(none).not.toContain("licences-export-clear");
    const both = await renderHtml(<LicencesTable {...props({ clearExportHref: "/api/licences/export.csv?keys=clear" })} />);
    expect(both).toContain('data-testid="export"');
    expect(attributesOf(both, "a", "href")).toContain("/api/licences/export.csv?keys=clear");
  });

  it("says when no licence matches", async () => {
    const html = await renderHtml(<LicencesTable {...props({ list: { rows: [], total: 0, page: 1, size: 25, hasMore: false } })} />);
    expect(html).toContain("Aucune licence ne correspond à ces filtres.");
  });
});

describe("Licences filters (server HTML)", () => {
  it("is a GET form carrying the table's sort and size, with the statuses in words", async () => {
    const html = await renderHtml(
      <LicencesFilters pathname="/licences" query={{ status: "revoked", sort: "customer", dir: "asc", size: "50", page: "3" }} filter={{ status: "revoked" }} products={[{ id: "prd_1", name: "Guide PDF" }]} />,
    );
    expect(attributesOf(html, "form", "method")).toEqual(["get"]);
    expect(attributesOf(html, "form", "action")).toEqual(["/licences"]);
    expect(html).toContain('<input type="hidden" name="sort" value="customer"/>');
    expect(html).toContain('<input type="hidden" name="size" value="50"/>');
    expect(html).not.toContain('name="page"');
    expect(html).toContain('<option value="revoked" selected="">Révoquée</option>');
    expect(html).toContain('<option value="prd_1">Guide PDF</option>');
  });

  it("counts licences per status, each a link that filters to it (the current one unfilters)", async () => {
    const html = await renderHtml(<LicenceStatusCounts pathname="/licences" query={{ status: "active", page: "2" }} counts={{ active: 12, revoked: 3 }} current="active" />);
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/licences"); // the current status: back to all
    expect(hrefs).toContain("/licences?status=revoked");
    expect(html).toMatch(/Révoquée<\/span><span class="[^"]*">3</);
    expect(html).toMatch(/En attente d&#x27;activation<\/span><span class="[^"]*">0</);
  });
});
