// The one table as the server renders it, before any JavaScript: sort headers, pages, sizes and the column
// menu are links carrying the whole URL state; hidden columns are not rendered; each row knows its card
// slot for phones; empty and error states say so.
import { describe, expect, it } from "vitest";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { attributesOf, renderHtml } from "@/tests/support/render";

type Row = { id: string; customer: string; amount: number; channel: string };
const rows: Row[] = [
  { id: "s1", customer: "Awa", amount: 5000, channel: "store" },
  { id: "s2", customer: "Kofi", amount: 12000, channel: "link" },
];
const columns: Column<Row>[] = [
  { id: "customer", header: "Client", sortable: true, card: "title", cell: (r) => r.customer },
  { id: "amount", header: "Montant", sortable: true, align: "right", card: "amount", cell: (r) => `${r.amount} XOF` },
  { id: "channel", header: "Canal", cell: (r) => r.channel },
  { id: "id", header: "Référence", alwaysVisible: true, card: "none", cell: (r) => r.id },
  { id: "extra", header: "Note", cell: () => "—" },
];

describe("DataTable (server HTML)", () => {
  it("builds sort, page and size links from the URL, keeping the filters", async () => {
    const html = await renderHtml(
      <DataTable
        label="Ventes"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        rowHref={(r) => `/sales/${r.id}`}
        url={{ pathname: "/sales", query: { status: "paid", page: "2", sort: "amount", dir: "desc" } }}
        sort={{ column: "amount", dir: "desc" }}
        page={{ number: 2, size: 25, sizes: [25, 50], hasMore: true, totalRows: 60 }}
      />,
    );
    const hrefs = attributesOf(html, "a", "href");
    // Active column: second click ascending; another column: descending; both back to page 1.
    expect(hrefs).toContain("/sales?status=paid&sort=amount&dir=asc");
    expect(hrefs).toContain("/sales?status=paid&sort=customer&dir=desc");
    expect(hrefs).toContain("/sales?status=paid&page=1&sort=amount&dir=desc");
    expect(hrefs).toContain("/sales?status=paid&page=3&sort=amount&dir=desc");
    expect(hrefs).toContain("/sales?status=paid&sort=amount&dir=desc&size=50");
    // Not sortable: no link on its header.
    expect(hrefs.some((h) => h.includes("sort=channel"))).toBe(false);
    expect(html).toContain("Page 2 sur 3");
    expect(attributesOf(html, "tr", "data-href")).toEqual(["/sales/s1", "/sales/s2"]);
    expect(html).toContain('aria-sort="descending"');
  });

  it("leaves hidden columns out and offers them back through links", async () => {
    const html = await renderHtml(
      <DataTable label="Ventes" columns={columns} rows={rows} rowKey={(r) => r.id} url={{ pathname: "/sales", query: { hide: "channel,id" } }} hidden={["channel", "id"]} />,
    );
    expect(html).not.toContain(">store<");
    expect(html).toContain(">s1<"); // always visible wins over `hide`
    const toggles = attributesOf(html, "a", "href").filter((h) => h.includes("hide"));
    expect(toggles).toContain("/sales?hide=channel%2Cid%2Ccustomer");
    expect(attributesOf(html, "a", "href")).toContain("/sales?hide=id");
  });

  it("marks each cell's place in the phone card and labels the stacked ones", async () => {
    const html = await renderHtml(<DataTable label="Ventes" columns={columns} rows={rows.slice(0, 1)} rowKey={(r) => r.id} />);
    const cells = [...html.matchAll(/<td class="([^"]*)">(.*?)<\/td>/g)];
    expect(cells).toHaveLength(5);
    expect(cells[0][1]).toContain("max-sm:order-1");
    expect(cells[1][1]).toContain("max-sm:order-2");
    expect(cells[2][1]).toContain("max-sm:col-span-2");
    expect(cells[2][2]).toContain("Canal"); // stacked detail carries its label on a phone
    expect(cells[3][1]).toContain("max-sm:hidden");
  });

  it("shows the empty and error states in the member's language", async () => {
    expect(await renderHtml(<DataTable label="x" columns={columns} rows={[]} rowKey={(r) => r.id} emptyMessage="Aucune vente" />)).toContain("Aucune vente");
    const error = await renderHtml(<DataTable label="x" columns={columns} rows={[]} rowKey={(r) => r.id} status="error" url={{ pathname: "/sales", query: {} }} />, "en");
    expect(error).toContain('role="alert"');
    expect(error).toContain("Try again");
  });
});

describe("DateRangeFilter (server HTML)", () => {
  it("offers preset links in the store's calendar and a GET form that keeps the other filters", async () => {
    const { DateRangeFilter } = await import("@/components/ui/date-range-filter");
    const html = await renderHtml(
      <DateRangeFilter pathname="/recovery" query={{ status: "open", page: "4", from: "2026-11-01", to: "2026-11-30" }} from="2026-11-01" to="2026-11-30" today="2026-12-04" timeZone="Africa/Abidjan" />,
    );
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/recovery?status=open&from=2026-11-28&to=2026-12-04"); // last 7 days, page dropped
    expect(hrefs).toContain("/recovery?status=open&from=2026-12-01&to=2026-12-04"); // this month
    expect(html).toMatch(/aria-current="true"[^>]*data-testid="date-preset-lastMonth"/); // Nov 1–30 is last month
    expect(html).toContain('<input type="hidden" name="status" value="open"/>');
    expect(html).not.toContain('name="page"');
    expect(html).toContain("Mois dernier");
  });
});

describe("DataTable actions slot", () => {
  it("puts a row's buttons at the bottom of its phone card without a label, and hides the slot when the row has none", async () => {
    const withActions: Column<Row>[] = [...columns.slice(0, 2), { id: "actions", header: "Actions", card: "actions", cell: (r) => (r.id === "s1" ? <button type="button">Retirer</button> : null) }];
    const html = await renderHtml(<DataTable label="x" columns={withActions} rows={rows} rowKey={(r) => r.id} />);
    const cells = [...html.matchAll(/<td class="([^"]*)">(.*?)<\/td>/g)].filter((m) => m[1].includes("max-sm:order-6"));
    expect(cells).toHaveLength(2);
    expect(cells[0][2]).toContain("Retirer");
    expect(cells[0][2]).not.toContain("Actions");
    expect(cells[0][1]).not.toContain("max-sm:hidden");
    expect(cells[1][1]).toContain("max-sm:hidden");
  });
});

describe("DataTable pagination", () => {
  it("shows no Previous / Next when everything fits on page 1", async () => {
    const one = await renderHtml(<DataTable label="x" columns={columns} rows={rows} rowKey={(r) => r.id} url={{ pathname: "/t", query: {} }} page={{ number: 1, size: 25, hasMore: false }} />);
    expect(one).not.toContain('data-testid="page-next"');
    const more = await renderHtml(<DataTable label="x" columns={columns} rows={rows} rowKey={(r) => r.id} url={{ pathname: "/t", query: {} }} page={{ number: 1, size: 2, hasMore: true }} />);
    expect(attributesOf(more, "a", "href")).toContain("/t?page=2");
  });
});

describe("DataTable sort on a phone", () => {
  it("offers each sortable column both ways as links, the current one named on the menu", async () => {
    const html = await renderHtml(<DataTable label="x" columns={columns} rows={rows} rowKey={(r) => r.id} url={{ pathname: "/s", query: { q: "awa" } }} sort={{ column: "amount", dir: "desc" }} />);
    const links = attributesOf(html, "a", "href").filter((h) => h.includes("sort="));
    expect(links).toEqual(expect.arrayContaining(["/s?q=awa&sort=customer&dir=desc", "/s?q=awa&sort=customer&dir=asc", "/s?q=awa&sort=amount&dir=asc"]));
    expect(html).not.toContain("phone-sort-channel"); // not sortable on the server
    expect(html).toMatch(/data-testid="sort-menu"[^>]*>.*Tri\u202f: Montant, tri décroissant/);
  });
});
