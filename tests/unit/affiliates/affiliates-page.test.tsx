// The Affiliates page's lists and forms as the server sends them, before any JavaScript: the ranking in
// one currency (the other currencies are links, never mixed into the figures), an affiliate known only by
// a sale said in words, statuses and dates in French, sort and page links that keep the rest of the URL,
// the invitations table with its own prefixed pages and a GET filter form, and the two client forms'
// first HTML (no hand-written table).
import { describe, expect, it } from "vitest";
import { InvitationsFilters, InvitationsTable } from "@/components/affiliates/invitations";
import { InviteForm } from "@/components/affiliates/invite-form";
import { KnownAffiliates, type KnownAffiliatesProps } from "@/components/affiliates/known-affiliates";
import { LookupForm } from "@/components/affiliates/lookup-form";
import type { InvitationRow, KnownAffiliate } from "@/lib/affiliates/queries";
import type { AffiliateRanking } from "@/lib/affiliates/ranking";
import { attributesOf, renderHtml } from "@/tests/support/render";

const visibleText = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const affiliate = (over: Partial<KnownAffiliate>): KnownAffiliate => ({
  key: "JOHN25", code: "JOHN25", name: "Jean Dupont", email: null, status: "active", source: "lookup", joinedAt: "2026-03-02T09:00:00.000Z",
  firstSeenAt: "2026-03-02T09:00:00.000Z", commissionRatePercent: 15, totals: [], salesCount: 0, ...over,
});

const john = affiliate({ totals: [{ currency: "XOF", sales: 2, revenue: 20_000, commission: 3_000 }, { currency: "XAF", sales: 1, revenue: 50_000, commission: null }], salesCount: 3 });
const unknownOne = affiliate({ key: "saff_3", code: null, name: null, status: null, source: "sale", joinedAt: null, commissionRatePercent: null, totals: [{ currency: "XOF", sales: 1, revenue: 100_000, commission: null }], salesCount: 1 });
const zed = affiliate({ key: "ZED", code: "ZED", name: null, email: "zed@example.com", status: "suspended", commissionRatePercent: 12.5 });

const ranking: AffiliateRanking = {
  currencies: [{ currency: "XOF", sales: 3 }, { currency: "XAF", sales: 1 }],
  currency: "XOF",
  rows: [
    { affiliate: john, total: john.totals[0], rank: 1 },
    { affiliate: unknownOne, total: unknownOne.totals[0], rank: 2 },
    { affiliate: zed, total: null, rank: null },
  ],
  unattributed: { currency: "XOF", sales: 1, revenue: 700, commission: null },
};

const props = (over: Partial<KnownAffiliatesProps> = {}): KnownAffiliatesProps => ({
  ranking,
  rows: ranking.rows,
  page: { number: 1, size: 25, hasMore: true, totalRows: 30 },
  url: { pathname: "/affiliates", query: { from: "2026-06-01", to: "2026-06-30", page: "1", status: "pending" } },
  sort: { column: "sales", dir: "desc" },
  hidden: [],
  exportHref: "/api/affiliates/export.csv?from=2026-06-01&to=2026-06-30",
  ...over,
});

describe("Known affiliates ranking (server HTML)", () => {
  it("ranks in one currency, the other currencies as links, never a mixed figure", async () => {
    const html = await renderHtml(<KnownAffiliates {...props()} />);
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/affiliates?from=2026-06-01&to=2026-06-30&status=pending&currency=XAF");
    expect(html).toMatch(/aria-current="true"[^>]*data-testid="affiliate-currency-XOF"/);
    const revenue = [...html.matchAll(/data-testid="affiliate-revenue">([^<]*)</g)].map((m) => m[1].replace(/\s/g, " "));
    expect(revenue).toEqual(["20 000 XOF", "100 000 XOF", ""]); // the third: "Aucune vente", in a muted span
    const body = visibleText(html.slice(html.indexOf("<tbody")));
    expect(body).not.toContain("XAF");
    expect(body).not.toContain("50 000");
    expect(body).toContain("Aucune vente");
  });

  it("names every affiliate in words: unidentified ones, statuses, dates, rates", async () => {
    const html = await renderHtml(<KnownAffiliates {...props()} />);
    const text = visibleText(html);
    expect(text).toContain("Affilié non identifié");
    expect(text).toContain("Connu seulement par une vente");
    expect(text).toContain("Statut inconnu");
    expect(text).toContain("Actif");
    expect(text).toContain("Suspendu");
    expect(text).not.toMatch(/\bsuspended\b/);
    expect(text).toContain("2 mars 2026");
    expect(text).toMatch(/taux 12,5\s%/);
    expect(text).toContain("1. Jean Dupont");
    expect(attributesOf(html, "span", "data-code")).toEqual(["JOHN25", "", "ZED"]);
    expect(text).toMatch(/1 vente pour 700 XOF/);
  });

  it("sorts and pages through links that keep the range and the invitations' filter", async () => {
    const hrefs = attributesOf(await renderHtml(<KnownAffiliates {...props()} />), "a", "href");
    expect(hrefs).toContain("/affiliates?from=2026-06-01&to=2026-06-30&status=pending&sort=revenue&dir=desc");
    expect(hrefs).toContain("/affiliates?from=2026-06-01&to=2026-06-30&page=2&status=pending");
  });

  it("says when no affiliate is known, with no currency to choose", async () => {
    const html = await renderHtml(<KnownAffiliates {...props({ ranking: { currencies: [], currency: null, rows: [], unattributed: null }, rows: [], page: { number: 1, size: 25, hasMore: false, totalRows: 0 } })} />);
    expect(html).toContain("Aucun affilié connu pour l");
    expect(html).not.toContain("affiliate-currencies");
  });
});

const invitation = (over: Partial<InvitationRow>): InvitationRow => ({
  id: "affinv_1", email: "a@example.com", status: "pending", acceptedVia: null, affiliateCode: null, expiresAt: "2026-07-10T10:30:00.000Z", sentAt: "2026-06-10T10:30:00.000Z", sentBy: "m@example.com", recordedAt: "2026-06-10T10:30:00.000Z", ...over,
});

describe("Invitations (server HTML)", () => {
  it("lists invitations with their status in words and their own page links", async () => {
    const rows = [invitation({}), invitation({ id: "affinv_2", email: "c@example.com", status: "already_affiliate", expiresAt: null, sentAt: null }), invitation({ id: "affinv_3", email: "b@example.com", status: "accepted", affiliateCode: "BEE" })];
    const html = await renderHtml(
      <InvitationsTable rows={rows} page={{ number: 1, size: 25, hasMore: true, totalRows: 40 }} url={{ pathname: "/affiliates", query: { currency: "XAF", page: "2" } }} hidden={[]} exportHref={null} />,
    );
    expect(attributesOf(html, "tr", "data-row-id")).toEqual(["affinv_1", "affinv_2", "affinv_3"]);
    expect(attributesOf(html, "span", "data-status")).toEqual(["pending", "already_affiliate", "accepted"]);
    const text = visibleText(html);
    expect(text).toContain("En attente");
    expect(text).toContain("Déjà affilié");
    expect(text).not.toContain("already_affiliate");
    expect(text).toContain("10 juil. 2026");
    expect(text).toContain("BEE");
    // Its own page key; the ranking's page and currency stay.
    expect(attributesOf(html, "a", "href")).toContain("/affiliates?currency=XAF&page=2&inv_page=2");
  });

  it("filters by a GET form that keeps the ranking's state but not the invitations' page", async () => {
    const html = await renderHtml(
      <InvitationsFilters pathname="/affiliates" query={{ from: "2026-06-01", currency: "XAF", inv_page: "3", status: "pending" }} status="pending" q={undefined} statuses={["pending", "accepted", "expired"]} />,
    );
    expect(attributesOf(html, "form", "method")).toEqual(["get"]);
    expect(html).toContain('<input type="hidden" name="from" value="2026-06-01"/>');
    expect(html).toContain('<input type="hidden" name="currency" value="XAF"/>');
    expect(html).not.toContain('name="inv_page"');
    expect(html).toContain('<option value="pending" selected="">En attente</option>');
  });
});

describe("Invite and lookup forms (first HTML)", () => {
  it("render their fields with touch-sized buttons and no table yet", async () => {
    const invite = await renderHtml(<InviteForm />);
    expect(invite).toContain('id="invite-emails"');
    expect(invite).not.toContain("<table");
    expect(invite).toMatch(/<button type="submit"[^>]*min-h-11[^>]*>Envoyer les invitations \(0\)/);
    const lookup = await renderHtml(<LookupForm />);
    expect(lookup).toContain("Code de parrainage");
    expect(lookup).toMatch(/<button type="submit"[^>]*min-h-11/);
  });
});
