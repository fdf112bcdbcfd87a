// The inbox's rows as the Recovery page renders them, from a database on both engines: each lead still to
// follow up carries its contact link in the HTML — the wa.me chat with the prefilled message (the store's
// template filled with the customer, product, amount and the Pulse's checkout link) when a Pulse gave a
// phone, else the mailto: with the same message, else none and the row says so — and a closed lead none.
// The expected URLs are written out here from the facts (digits, words, link), not taken from the code.
import { createElement } from "react";
import { expect, it } from "vitest";
import { detailView, rowView } from "@/app/(dashboard)/recovery/lead-views";
import { LeadPanel } from "@/components/recovery/lead-panel";
import { RecoveryWorklist } from "@/components/recovery/recovery-worklist";
import { upsertSales } from "@/lib/mirror";
import { buildLeadMessage, buildLeadMessages, isOpenLead, listLeadPage, MIRROR_ONLY_LINKS, updateLeads } from "@/lib/recovery";
import { createUser } from "@/lib/team";
import { attributesOf, renderHtml } from "@/tests/support/render";
import { saleDetail, salePulse } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ZONE = "Africa/Abidjan";
const RANGE = { from: "2026-05-01", to: "2026-05-01" };
const at = (h: number) => `2026-05-01T${String(h).padStart(2, "0")}:00:00.000Z`;
/** The links of the HTML as the browser reads them (React escapes an apostrophe as &#x27;). */
const hrefs = (html: string) => attributesOf(html, "a", "href").map((h) => h.replaceAll("&#x27;", "'"));
const CHECKOUT = "https://boutique.test/checkout/formation-excel?email=kofi%40example.com";

describeEachEngine("Recovery inbox rows", ({ db }) => {
  async function seed() {
    const k = db().db;
    // Kofi's failed payment came by Pulse: its phone (local, Côte d'Ivoire) and checkout link.
    await upsertSales(k, [salePulse({ id: "kofi", status: "failed", name: "Kofi", email: "kofi@example.com", customerId: "cus_k", productId: "prd_x", originalMinor: 4_900, createdAt: at(9), failedAt: at(9) })], {
      source: "pulse",
      receivedAt: at(9),
      timeZone: ZONE,
      checkoutUrls: [CHECKOUT],
    });
    await k
      .insertInto("pulse_deliveries")
      .values({ delivery_id: "d1", dedupe_key: "d1", pulse_id: null, event: "failed.sale", object_id: "kofi", applied_key: "failed.sale|kofi", received_at: at(9), status: "processed", detail: null, body: JSON.stringify({ customer: { phone: "07 07 12 34 56", country: "CI" } }), processed_at: at(9) })
      .execute();
    await upsertSales(
      k,
      [
        // Awa's abandoned cart came from the API: an e-mail, no phone.
        saleDetail({ id: "awa", status: "abandoned", name: "Awa", email: "awa@example.com", customerId: "cus_a", productId: "prd_x", originalMinor: 10_000, createdAt: at(8), abandonedAt: at(8) }),
        // Lost by hand: nothing to chase.
        saleDetail({ id: "lost", status: "failed", name: "Ali", email: "ali@example.com", customerId: "cus_l", productId: "prd_x", createdAt: at(7), failedAt: at(7) }),
      ],
      { source: "detail", receivedAt: at(10), timeZone: ZONE },
    );
    // A sale without any e-mail (the factory always gives one): as a lead from an anonymous checkout.
    await upsertSales(k, [saleDetail({ id: "anon", status: "failed", customerId: "cus_n", productId: "prd_x", createdAt: at(6), failedAt: at(6) })], { source: "detail", receivedAt: at(10), timeZone: ZONE });
    await k.updateTable("sales").set({ customer_email: null, customer_name: null }).where("id", "=", "anon").execute();
    const owner = await createUser(k, { email: "owner@example.com", password: "correct horse battery", role: "owner", name: "Owner" }, null);
    await updateLeads(k, { id: owner.id, email: owner.email, role: owner.role }, { saleIds: ["lost"], state: "lost" });
  }

  it("renders each open lead's WhatsApp or e-mail link with the prefilled message, ready in the HTML", async () => {
    await seed();
    const page = await listLeadPage(db().db, RANGE, { filters: { status: "all" }, sort: { column: "at", dir: "desc" }, page: 1, size: 25, windowDays: 14 });
    expect(page.rows.map((l) => l.saleId)).toEqual(["kofi", "awa", "lost", "anon"]);
    const messages = await buildLeadMessages(db().db, page.rows.filter(isOpenLead).map((l) => l.saleId), "fr", MIRROR_ONLY_LINKS);
    const leads = page.rows.map((l) => rowView(l, new Map(), "?", messages.get(l.saleId)));
    const html = await renderHtml(
      createElement(RecoveryWorklist, { leads, total: 4, url: { pathname: "/recovery", query: {} }, sort: { column: "at", dir: "desc" }, hidden: [], page: { number: 1, size: 25, hasMore: false, sizes: [25] }, openLead: null, exportHref: null, now: "2026-05-01T12:00:00.000Z" }),
    );
    const kofiMessage = `Bonjour Kofi, votre paiement pour « Product prd_x » (4\u202f900\u00a0XOF) n'a pas abouti. Vous pouvez le finaliser ici : ${CHECKOUT}`;
    // The local number completed with Côte d'Ivoire's code (no trunk zero dropped there).
    expect(hrefs(html)).toContain(`https://wa.me/2250707123456?text=${encodeURIComponent(kofiMessage)}`);
    expect(html).toMatch(/<a [^>]*target="_blank"[^>]*data-testid="lead-whatsapp-kofi"/);
    // Awa: no Pulse, no phone — her e-mail, with the same template (no link known offline: empty).
    const awaMessage = "Bonjour Awa, votre paiement pour « Product prd_x » (10\u202f000\u00a0XOF) n'a pas abouti. Vous pouvez le finaliser ici : ";
    expect(hrefs(html)).toContain(`mailto:awa%40example.com?subject=${encodeURIComponent("Votre commande : Product prd_x")}&body=${encodeURIComponent(awaMessage)}`);
    expect(html).toContain('data-testid="lead-email-awa"');
    expect(html).toMatch(/data-testid="lead-no-contact-anon"[^>]*>Ni téléphone ni e-mail</);
    expect(html).not.toMatch(/lead-(whatsapp|email|no-contact)-lost/);
    expect(html).toMatch(/data-testid="lead-status-lost"><span data-testid="lead-state" data-state="lost"><span>Perdue</);
    expect(html).toMatch(/data-reason="abandoned">Panier abandonné</);
    expect(html).toMatch(/>il y a 3\u00a0h</);
  });

  it("gives the panel both ways in the chosen language, and says why there is no WhatsApp", async () => {
    await seed();
    const kofi = (await listLeadPage(db().db, RANGE, { filters: { status: "todo", reason: "failed" }, sort: { column: "at", dir: "desc" }, page: 1, size: 1, windowDays: 14 })).rows[0];
    const en = await buildLeadMessage(db().db, "kofi", "en", MIRROR_ONLY_LINKS);
    const html = await renderHtml(
      createElement(LeadPanel, { lead: detailView(kofi, new Map(), "?", { message: en, messageLanguage: "en", firstContact: null }), members: [], closeHref: "/recovery", languageHrefs: { fr: "/recovery?lead=kofi&msg=fr", en: "/recovery?lead=kofi&msg=en" } }),
      "en",
    );
    const english = `Hello Kofi, your payment for "Product prd_x" (XOF\u00a04,900) did not go through. You can complete it here: ${CHECKOUT}`;
    expect(hrefs(html)).toContain(`https://wa.me/2250707123456?text=${encodeURIComponent(english)}`);
    expect(html).toContain('data-testid="lead-copy-link"');

    const awa = (await listLeadPage(db().db, RANGE, { filters: { status: "todo", reason: "abandoned" }, sort: { column: "at", dir: "desc" }, page: 1, size: 1, windowDays: 14 })).rows[0];
    const awaMessage = await buildLeadMessage(db().db, "awa", "fr", MIRROR_ONLY_LINKS);
    const panel = await renderHtml(createElement(LeadPanel, { lead: detailView(awa, new Map(), "?", { message: awaMessage, messageLanguage: "fr", firstContact: null }), members: [], closeHref: "/recovery", languageHrefs: { fr: "", en: "" } }));
    expect(panel).toMatch(/data-testid="lead-whatsapp-refused">Aucun numéro connu pour ce client/);
    expect(panel).toContain('data-testid="lead-panel-email"');
  });
});
