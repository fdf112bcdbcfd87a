// The Recovery page's parts as the server sends them, before JavaScript: one line per lead in the one table
// (reason, state and age in words, the lead's link that opens its panel on the same page of the list), the
// lead's panel with every code in words, the analytics without raw codes, and the empty state.
import { describe, expect, it } from "vitest";
import { LeadPanel } from "@/components/recovery/lead-panel";
import { RecoveryStatsCard } from "@/components/recovery/recovery-stats-card";
import type { LeadDetailView, LeadRowView } from "@/components/recovery/recovery-types";
import { RecoveryWorklist, type RecoveryWorklistProps } from "@/components/recovery/recovery-worklist";
import { recoveryStats, type Lead } from "@/lib/recovery";
import { attributesOf, renderHtml } from "@/tests/support/render";

const row = (saleId: string, o: Partial<LeadRowView> = {}): LeadRowView => ({
  saleId, customerName: "Kofi Mensah", customerEmail: "kofi@example.com", productName: "Formation Excel", amount: 4_900, currency: "XOF", category: "insufficient_funds",
  at: "2026-05-01T09:00:00.000Z", ageDays: 3, state: "open", recovered: null, ...o,
});
const props = (o: Partial<RecoveryWorklistProps> = {}): RecoveryWorklistProps => ({
  leads: [row("l1"), row("l2", { state: "contacted", category: "cancelled" }), row("l3", { recovered: { saleId: "p3", amount: 7_500, currency: "XOF", paidAt: "2026-05-02T23:30:00.000Z" } })],
  total: 40,
  url: { pathname: "/recovery", query: { include: "all", page: "2" } },
  sort: { column: "at", dir: "desc" },
  hidden: [],
  page: { number: 2, size: 25, hasMore: false, sizes: [25, 50, 100] },
  openLead: "l2",
  exportHref: "/api/recovery/export.csv?from=2026-04-05&to=2026-05-04",
  ...o,
});

describe("RecoveryWorklist (server HTML)", () => {
  it("gives one line per lead: reason, state and age in words, no inline form", async () => {
    const html = await renderHtml(<RecoveryWorklist {...props()} />, "fr", "Africa/Abidjan");
    expect(attributesOf(html, "tr", "data-row-id")).toEqual(["l1", "l2", "l3"]);
    expect(html).toContain("Solde insuffisant");
    expect(html).toContain("Annulé par le client");
    expect(html).toContain("Contacté");
    expect(html).toContain("3 jours");
    expect(html).toContain("4\u202f900\u00a0XOF");
    expect(html).not.toMatch(/>(insufficient_funds|cancelled|contacted|open)</);
    // The recovered lead links to its payment, its day in words.
    expect(html).toMatch(/data-testid="lead-recovered"[^>]*href="\/sales\/p3">Récupérée\u202f: 7\u202f500\u00a0XOF le 2 mai 2026</);
    // Per row only a tick box and links: the state form and the contact buttons live in the panel.
    const body = html.slice(html.indexOf("<tbody"), html.indexOf("</tbody>"));
    expect(body).not.toContain("<select");
    expect(body).not.toContain("<textarea");
    expect(body.match(/<input /g)?.length).toBe(3); // one tick box per lead, nothing else
    expect(html).not.toContain("Copier le lien");
  });

  it("opens a lead's panel on the same page of the list, and sorts and pages by links", async () => {
    const html = await renderHtml(<RecoveryWorklist {...props()} />);
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/recovery?include=all&page=2&lead=l1#lead-panel");
    expect(attributesOf(html, "tr", "data-href")[0]).toBe("/recovery?include=all&page=2&lead=l1#lead-panel");
    expect(html).toMatch(/data-row-id="l2"[^>]*aria-current="true"/);
    expect(hrefs).toContain("/recovery?include=all&page=1");
    expect(hrefs).toContain("/recovery?include=all&sort=amount&dir=desc");
    expect(html).toContain("Page 2 sur 2");
    // Nothing selected yet: no export (the CSV holds selected leads).
    expect(html).not.toContain('data-testid="export-button"');
  });

  it("says when there is nothing to follow up", async () => {
    const html = await renderHtml(<RecoveryWorklist {...props({ leads: [], total: 0, page: { number: 1, size: 25, hasMore: false, sizes: [25] } })} />, "en");
    expect(html).toContain("Nothing to follow up in this range.");
  });
});

describe("LeadPanel (server HTML)", () => {
  const lead: LeadDetailView = {
    ...row("l9"), status: "failed", failureCode: "insufficient_funds", channel: "affiliate", paymentMethod: "MTN Mobile Money", note: "Rappeler lundi", assignedTo: "m2",
    contactedAt: "2026-05-01T10:15:00.000Z", hasLink: false, hasEmail: true,
  };
  it("shows the lead with every code in words, its actions, and why there is no link", async () => {
    const html = await renderHtml(<LeadPanel lead={lead} members={[{ id: "m1", label: "Awa" }, { id: "m2", label: "Kofi" }]} closeHref="/recovery?page=2" defaultLanguage="fr" />);
    expect(html).toContain('data-lead-id="l9"');
    expect(html).toContain("Solde insuffisant sur le compte du client.");
    expect(html).toContain('title="insufficient_funds"'); // the gateway's code for support, in a tooltip
    expect(html).toContain("Affiliation");
    expect(html).toContain("MTN Mobile Money");
    expect(html).toContain("1 mai 2026, 09:00");
    expect(html).toContain("1 mai 2026, 10:15");
    expect(html).toContain('value="Rappeler lundi"');
    expect(html).toMatch(/<option value="m2" selected="">Kofi<\/option>/);
    expect(html).toContain("Pas de lien");
    expect(html).toContain("Aucun lien de paiement connu");
    expect(attributesOf(html, "a", "href")).toContain("/recovery?page=2");
    expect(html).not.toMatch(/>(insufficient_funds|affiliate|failed)</);
  });
});

describe("RecoveryStatsCard (server HTML)", () => {
  const lead = (o: Partial<Lead>): Lead => ({
    saleId: "x", status: "failed", at: "2026-05-01T09:00:00.000Z", localDay: "2026-05-01", customerId: "c", customerEmail: null, customerName: null, productId: "p", productName: null, currency: "XOF",
    amount: 1_000, channel: "store", paymentMethod: "mtn_momo", failureCode: null, failureMessage: null, category: "declined", checkoutUrl: null, state: "open", note: null, assignedTo: null, contactedAt: null, recovered: null, recoveredBy: null, ...o,
  });
  it("names categories and payment methods in words, the median in hours", async () => {
    const stats = recoveryStats([lead({ saleId: "a" }), lead({ saleId: "b", category: "timeout", recovered: { saleId: "p", amount: 1_000, currency: "XOF", paidAt: "2026-05-01T15:00:00.000Z" } })]);
    const html = await renderHtml(<RecoveryStatsCard stats={stats} />);
    expect(html).toContain("Refusé");
    expect(html).toContain("Délai dépassé");
    expect(html).toContain("MTN Mobile Money");
    expect(html).toMatch(/6\sheures/);
    expect(html).toContain("1 sur 2 (50");
    expect(html).not.toMatch(/>(declined|timeout|mtn_momo)</);
  });
});
