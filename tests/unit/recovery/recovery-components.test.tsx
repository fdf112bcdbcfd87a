// The Recovery inbox's parts as the server sends them, before JavaScript: one line per lead in the one
// table (reason, state and age in words; the WhatsApp or e-mail link with its message already in the HTML,
// a real link to a new tab; the lead's link that opens its panel on the same page of the list), the
// filters with the count per reason, the lead's panel with every code in words and its contacts, the
// analytics without raw codes, and the empty state.
import { describe, expect, it } from "vitest";
import { LeadPanel, type LeadPanelProps } from "@/components/recovery/lead-panel";
import { RecoveryFilters, type RecoveryFiltersProps } from "@/components/recovery/recovery-filters";
import { RecoveryStatsCard } from "@/components/recovery/recovery-stats-card";
import type { LeadDetailView, LeadRowView } from "@/components/recovery/recovery-types";
import { RecoveryWorklist, type RecoveryWorklistProps } from "@/components/recovery/recovery-worklist";
import { recoveryStats, type Lead } from "@/lib/recovery";
import { attributesOf, renderHtml } from "@/tests/support/render";

const WA = "https://wa.me/2250707123456?text=Bonjour%20Kofi";
const MAILTO = "mailto:awa%40example.com?subject=Votre%20commande&body=Bonjour%20Awa";
const row = (saleId: string, o: Partial<LeadRowView> = {}): LeadRowView => ({
  saleId, customerName: "Kofi Mensah", customerEmail: "kofi@example.com", productName: "Formation Excel", amount: 4_900, currency: "XOF", reason: "failed", category: "insufficient_funds",
  at: "2026-05-01T09:00:00.000Z", state: "open", recovered: null, assigneeName: null, contact: { channel: "whatsapp", href: WA }, ...o,
});
const props = (o: Partial<RecoveryWorklistProps> = {}): RecoveryWorklistProps => ({
  leads: [
    row("l1"),
    row("l2", { state: "contacted", reason: "abandoned", category: "abandoned", customerName: "Awa", at: "2026-04-28T12:00:00.000Z", contact: { channel: "email", href: MAILTO }, assigneeName: "Aminata" }),
    row("l3", { recovered: { saleId: "p3", amount: 7_500, currency: "XOF", paidAt: "2026-05-02T23:30:00.000Z" }, contact: null }),
    row("l4", { category: "other", contact: "none", at: "2026-05-01T11:55:00.000Z" }),
  ],
  total: 40,
  url: { pathname: "/recovery", query: { status: "all", page: "2" } },
  sort: { column: "at", dir: "desc" },
  hidden: [],
  page: { number: 2, size: 25, hasMore: false, sizes: [25, 50, 100] },
  openLead: "l2",
  exportHref: "/api/recovery/export.csv?from=2026-04-05&to=2026-05-04",
  // Three hours after l1 failed.
  now: "2026-05-01T12:00:00.000Z",
  ...o,
});
const tbody = (html: string) => html.slice(html.indexOf("<tbody"), html.indexOf("</tbody>"));
/** The HTML of one row, from its <tr> to the next. */
const rowHtml = (html: string, id: string) => {
  const start = html.indexOf(`data-row-id="${id}"`);
  const end = html.indexOf("<tr", start);
  return html.slice(start, end === -1 ? undefined : end);
};

describe("RecoveryWorklist (server HTML)", () => {
  it("gives one line per lead: reason, state and age in words, no inline form", async () => {
    const html = await renderHtml(<RecoveryWorklist {...props()} />, "fr", "Africa/Abidjan");
    expect(attributesOf(html, "tr", "data-row-id")).toEqual(["l1", "l2", "l3", "l4"]);
    expect(rowHtml(html, "l1")).toMatch(/data-reason="failed">Paiement échoué<span class="block[^"]*"><span class="sr-only">, <\/span><span>Solde insuffisant<\/span>/);
    expect(rowHtml(html, "l2")).toContain("Panier abandonné");
    expect(rowHtml(html, "l2")).not.toContain("Abandonné"); // the category adds nothing to an abandoned cart
    expect(rowHtml(html, "l4")).toMatch(/>Paiement échoué<\/span>/); // "other" says nothing more
    // Ages relative to the server's clock: 3 hours, 5 minutes — short within a day — then 3 days in words.
    expect(rowHtml(html, "l1")).toMatch(/<time dateTime="2026-05-01T09:00:00.000Z"[^>]*>il y a 3\u00a0h<\/time>/);
    expect(rowHtml(html, "l4")).toMatch(/>il y a 5\u00a0min</);
    expect(rowHtml(html, "l2")).toMatch(/>il y a 3 jours</);
    expect(html).toContain("4\u202f900\u00a0XOF");
    expect(rowHtml(html, "l2")).toMatch(/data-testid="lead-status-l2"><span data-testid="lead-state" data-state="contacted"><span>Contacté</);
    expect(rowHtml(html, "l2")).toContain("Aminata");
    expect(html).not.toMatch(/>(insufficient_funds|cancelled|contacted|open|failed|abandoned)</);
    // The recovered lead links to its payment, its day in words.
    expect(html).toMatch(/data-testid="lead-recovered"[^>]*href="\/sales\/p3">Récupérée\u202f: 7\u202f500\u00a0XOF le 2 mai 2026</);
    // Per row only a tick box and links: the state form lives in the panel.
    const body = tbody(html);
    expect(body).not.toContain("<select");
    expect(body).not.toContain("<textarea");
    expect(body.match(/<input /g)?.length).toBe(4); // one tick box per lead, nothing else
    expect(html).not.toContain("Copier le lien");
  });

  it("puts the WhatsApp link with its message in the HTML: a real link to a new tab, no call first", async () => {
    const html = await renderHtml(<RecoveryWorklist {...props()} />);
    const wa = rowHtml(html, "l1").match(/<a [^>]*data-testid="lead-whatsapp-l1"[^>]*>/)?.[0] ?? "";
    expect(wa).toContain(`href="${WA}"`);
    expect(wa).toContain('target="_blank"');
    expect(wa).toMatch(/rel="[^"]*noopener/);
    expect(wa).toContain('aria-label="WhatsApp\u202f: relancer Kofi Mensah"');
    // No phone: the e-mail is the row's action, in place (the mail client opens).
    const mail = rowHtml(html, "l2").match(/<a [^>]*data-testid="lead-email-l2"[^>]*>/)?.[0] ?? "";
    expect(mail).toContain(`href="${MAILTO.replaceAll("&", "&amp;")}"`);
    expect(mail).not.toContain("target=");
    expect(rowHtml(html, "l2")).not.toContain("wa.me");
    // Neither: no button, and the row says so. A recovered lead has nothing to chase: no button.
    expect(rowHtml(html, "l4")).toMatch(/data-testid="lead-no-contact-l4"[^>]*>Ni téléphone ni e-mail</);
    expect(rowHtml(html, "l4")).not.toMatch(/<a [^>]*(wa\.me|mailto:)/);
    expect(rowHtml(html, "l3")).not.toMatch(/wa\.me|mailto:|lead-no-contact/);
  });

  it("opens a lead's panel on the same page of the list, and sorts and pages by links", async () => {
    const html = await renderHtml(<RecoveryWorklist {...props()} />);
    const hrefs = attributesOf(html, "a", "href");
    expect(hrefs).toContain("/recovery?status=all&page=2&lead=l1#lead-panel");
    expect(attributesOf(html, "tr", "data-href")[0]).toBe("/recovery?status=all&page=2&lead=l1#lead-panel");
    expect(html).toMatch(/data-row-id="l2"[^>]*aria-current="true"/);
    expect(hrefs).toContain("/recovery?status=all&page=1");
    expect(hrefs).toContain("/recovery?status=all&sort=amount&dir=desc");
    expect(html).toContain("Page 2 sur 2");
    // Nothing selected yet: no export (the CSV holds selected leads).
    expect(html).not.toContain('data-testid="export-button"');
  });

  it("says when there is nothing to follow up", async () => {
    const html = await renderHtml(<RecoveryWorklist {...props({ leads: [], total: 0, page: { number: 1, size: 25, hasMore: false, sizes: [25] } })} />, "en");
    expect(html).toContain("Nothing to follow up in this range.");
  });

  it("says which rule recovered a lead when the row knows it", async () => {
    const recovered = { saleId: "p3", amount: 7_500, currency: "XOF", paidAt: "2026-05-02T23:30:00.000Z" };
    const html = await renderHtml(<RecoveryWorklist {...props({ leads: [row("l5", { recovered, recoveredBy: "link", contact: null }), row("l6", { recovered, recoveredBy: "window", contact: null }), row("l7", { recovered, contact: null })] })} />);
    expect(rowHtml(html, "l5")).toMatch(/data-rule="link">[^<]*par le lien de paiement envoyé</);
    expect(rowHtml(html, "l6")).toMatch(/data-rule="window">[^<]*même client dans le délai</);
    expect(rowHtml(html, "l7")).not.toContain("lead-recovered-by");
  });
});

describe("RecoveryFilters (server HTML)", () => {
  const filters = (o: Partial<RecoveryFiltersProps> = {}): RecoveryFiltersProps => ({
    pathname: "/recovery",
    query: { status: "contacted", channel: "affiliate", page: "3", lead: "l1", sort: "amount", dir: "asc", from: "2026-04-01", to: "2026-04-30" },
    filters: { status: "contacted", channel: "affiliate" },
    counts: { failed: 57, abandoned: 95 },
    members: [{ id: "m1", label: "Awa" }, { id: "m2", label: "Kofi" }],
    range: { from: "2026-04-01", to: "2026-04-30" },
    today: "2026-05-04",
    timeZone: "Africa/Abidjan",
    activeCount: 3,
    ...o,
  });

  it("shows the count of each reason on its link, keeping the other filters", async () => {
    const html = await renderHtml(<RecoveryFilters {...filters()} />);
    const reason = html.slice(html.indexOf('data-testid="recovery-filter-reason"'), html.indexOf("</nav>"));
    expect(reason).toMatch(/data-testid="recovery-filter-reason-all"[^>]*>Tous les motifs \(152\)</);
    expect(reason).toMatch(/data-testid="recovery-filter-reason-failed"[^>]*>Paiement échoué \(57\)</);
    expect(reason).toMatch(/data-testid="recovery-filter-reason-abandoned"[^>]*>Panier abandonné \(95\)</);
    // A reason keeps the status, channel, days and sort, drops the page and the open panel.
    expect(attributesOf(reason, "a", "href")).toContain("/recovery?status=contacted&channel=affiliate&sort=amount&dir=asc&from=2026-04-01&to=2026-04-30&reason=failed");
    expect(reason).toMatch(/aria-current="page"[^>]*data-testid="recovery-filter-reason-all"/);
    expect(html).not.toMatch(/>(failed|abandoned)</);
  });

  it("is a GET form with the current values, the kept keys hidden, and Apply", async () => {
    const html = await renderHtml(<RecoveryFilters {...filters({ query: { reason: "abandoned", sort: "amount", page: "2", lead: "x" }, filters: { reason: "abandoned", status: "todo", assignee: "m2" } })} />);
    const form = html.slice(html.indexOf('data-testid="recovery-filters-form"'), html.indexOf("</form>"));
    expect(html).toMatch(/<form [^>]*data-testid="recovery-filters-form" action="\/recovery" method="get"/);
    expect(attributesOf(form, "input", "name")).toEqual(["reason", "sort"]);
    expect(form).toMatch(/<option value="todo" selected="">À traiter \(non récupérées\)<\/option>/);
    expect(form).toMatch(/<option value="" selected="">Tous les canaux<\/option>/);
    expect(form).toMatch(/<option value="affiliate">Affiliation<\/option>/);
    expect(form).toMatch(/<option value="m2" selected="">Kofi<\/option>/);
    expect(form).toMatch(/<option value="none">Personne<\/option>/);
    expect(form).toMatch(/data-testid="recovery-filters-apply"[^>]*>Appliquer</);
    expect(html).toMatch(/data-testid="recovery-filter-reason-abandoned"[^>]*>Panier abandonné \(95\)/);
    expect(html).toContain('data-testid="date-range-filter"');
  });
});

describe("LeadPanel (server HTML)", () => {
  const lead = (o: Partial<LeadDetailView> = {}): LeadDetailView => ({
    ...row("l9"), status: "failed", failureCode: "insufficient_funds", channel: "affiliate", paymentMethod: "MTN Mobile Money", note: "Rappeler lundi", assignedTo: "m2",
    contactedAt: "2026-05-01T10:15:00.000Z", firstContact: { channel: "whatsapp", actorEmail: "awa@shop.test" },
    contacts: { messageLanguage: "fr", whatsapp: { href: WA }, mailto: MAILTO, checkoutUrl: "https://shop.example/checkout/excel" },
    ...o,
  });
  const panel = (o: Partial<LeadPanelProps> = {}): LeadPanelProps => ({
    lead: lead(),
    members: [{ id: "m1", label: "Awa" }, { id: "m2", label: "Kofi" }],
    closeHref: "/recovery?page=2",
    languageHrefs: { fr: "/recovery?lead=l9&msg=fr", en: "/recovery?lead=l9&msg=en" },
    ...o,
  });

  it("shows the lead with every code in words, its contacts ready, its state, note and assignee", async () => {
    const html = await renderHtml(<LeadPanel {...panel()} />);
    expect(html).toContain('data-lead-id="l9"');
    expect(html).toContain("Solde insuffisant sur le compte du client.");
    expect(html).toContain('title="insufficient_funds"'); // the gateway's code for support, in a tooltip
    expect(html).toContain("Affiliation");
    expect(html).toContain("MTN Mobile Money");
    expect(html).toContain("1 mai 2026, 09:00");
    expect(html).toMatch(/data-testid="lead-first-contact">.*1 mai 2026, 10:15.*<span>WhatsApp<\/span> · <span[^>]*>awa@shop.test</);
    expect(html).toContain('value="Rappeler lundi"');
    expect(html).toMatch(/<option value="m2" selected="">Kofi<\/option>/);
    expect(html).toMatch(/<a [^>]*href="https:\/\/wa\.me\/2250707123456\?text=Bonjour%20Kofi"[^>]*target="_blank"[^>]*data-testid="lead-panel-whatsapp"/);
    expect(html).toMatch(/<a [^>]*href="mailto:[^"]*"[^>]*data-testid="lead-panel-email"/);
    expect(html).toContain('data-testid="lead-copy-link"');
    expect(attributesOf(html, "a", "href")).toEqual(expect.arrayContaining(["/recovery?page=2", "/recovery?lead=l9&msg=en"]));
    expect(html).toMatch(/aria-current="true"[^>]*data-testid="lead-message-language-fr"/);
    expect(html).not.toContain("lead-exact-link-slot");
    expect(html).not.toMatch(/>(insufficient_funds|affiliate|failed|whatsapp)</);
  });

  it("says why WhatsApp, e-mail or the link is missing, and renders the exact-link slot", async () => {
    const html = await renderHtml(
      <LeadPanel {...panel({ lead: lead({ customerEmail: null, contacts: { messageLanguage: "en", whatsapp: { refused: "no_country" }, mailto: null, checkoutUrl: null } }), exactLink: <button type="button">Create link</button> })} />,
    );
    expect(html).not.toMatch(/wa\.me|mailto:/);
    expect(html).toMatch(/data-testid="lead-whatsapp-refused">Le numéro est local et le pays du client est inconnu/);
    expect(html).toContain("Aucune adresse e-mail connue pour ce client.");
    expect(html).toContain("Pas de lien");
    expect(html).toContain("Aucun lien de paiement connu");
    expect(html).toMatch(/data-testid="lead-exact-link-slot"><button type="button">Create link<\/button>/);
    expect(html).toMatch(/aria-current="true"[^>]*data-testid="lead-message-language-en"/);
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
