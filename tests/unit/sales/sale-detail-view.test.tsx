// The sale page's sections as the server sends them: every code in the merchant's words (payment status,
// gateway, method, failure, channel, country, device, language, licence status), dates in the store's
// zone, a failure's translated reason with its code in a tooltip (Chariow's English message only behind
// "Technical detail" for a code we have no words for), licences as the one table, and no net or payout
// for a role without settlements:read. Hand-built sale.
import { describe, expect, it } from "vitest";
import { SaleDetail } from "@/components/sales/sale-detail";
import type { SaleDetailView } from "@/lib/sales/sale-detail-view";
import { attributesOf, renderHtml } from "@/tests/support/render";

const xof = (minor: number) => ({ minor, currency: "XOF" });

function sale(failure: { code: string | null; message: string | null } | null): SaleDetailView {
  return {
    id: "sal_1", status: "failed", channel: "affiliate",
    amounts: { original: xof(4900), discount: null, paid: xof(4900), net: xof(4600), deducted: xof(300) },
    payment: { status: "failed", gateway: "cinetpay", method: "MTN Mobile Money", transactionId: "txn_1", amount: xof(4900), fee: null, feeRatePercent: 3, exchangeRate: null, failure },
    settlement: null,
    download: null,
    postPurchase: { files: [], instructions: null, licences: [{ id: "lic_1", maskedKey: "ABCD-••••", status: "pending_activation", activations: 0, maxActivations: 3, expiresAt: "2027-01-01T00:00:00Z" }] },
    shipping: null,
    context: { country: "BJ", device: "mobile", locale: "fr_BJ", ipAddress: null, userAgent: null },
    rating: null,
    product: { id: "prd_1", name: "E-book", type: "downloadable" },
    customer: { id: "cus_1", name: "Awa Koné", email: "awa@example.com" },
    discount: null, campaign: null, affiliate: null, invoiceUrl: null,
    times: { createdAt: "2026-03-01T23:30:00Z", awaitingPaymentAt: null, completedAt: null, failedAt: "2026-03-01T23:35:00Z", abandonedAt: null, settledAt: null, updatedAt: null },
  };
}

const render = (view: SaleDetailView, showFinancials = true) => renderHtml(<SaleDetail sale={view} showFinancials={showFinancials} otherPurchases={[]} />, "fr", "Europe/Paris");

describe("Sale detail (server HTML)", () => {
  it("codes in words, dates in the store's zone, licences as the one table", async () => {
    const html = await render(sale({ code: "insufficient_funds", message: "The customer has insufficient funds." }));
    for (const words of ["Échoué", "CinetPay", "MTN Mobile Money", "Affiliation", "Bénin", "Téléphone", "français (Bénin)", "En attente d&#x27;activation", "Fichier à télécharger", "2 mars 2026, 00:35"]) {
      expect(html, words).toContain(words);
    }
    for (const code of [">failed<", ">cinetpay<", ">affiliate<", ">BJ<", ">mobile<", ">fr_BJ<", ">pending_activation<"]) expect(html).not.toContain(code);
    // The failure's reason in French, its code for support in the tooltip; Chariow's English message not shown.
    const failure = html.slice(html.indexOf('data-testid="payment-failure"'));
    expect(failure).toMatch(/^data-testid="payment-failure"><span title="insufficient_funds">Solde insuffisant sur le compte du client\.<\/span><\/dd>/);
    expect(html).not.toContain("insufficient funds.");
    // Licences: the one table, a card per licence on a phone.
    const licences = html.slice(html.indexOf('data-testid="sale-licences"'));
    expect(attributesOf(licences, "tr", "data-row-id")).toEqual(["lic_1"]);
    expect(licences).toContain('data-licence-id="lic_1"');
    expect(html.match(/<table/g)).toHaveLength(1);
  });

  it("an unknown failure code shows as it came, with Chariow's message behind a disclosure", async () => {
    const html = await render(sale({ code: "gateway_exploded", message: "Upstream gateway exploded." }));
    const failure = html.slice(html.indexOf('data-testid="payment-failure"'), html.indexOf("</dd>", html.indexOf('data-testid="payment-failure"')));
    expect(failure).toContain("gateway_exploded");
    expect(failure).toMatch(/<details[^>]*><summary[^>]*>Détail technique<\/summary><span lang="en">Upstream gateway exploded\.<\/span><\/details>/);
  });

  it("without settlements:read: what the customer paid, not the net", async () => {
    const html = await render(sale(null), false);
    expect(html).toContain('data-testid="amount-paid"');
    expect(html).not.toContain('data-testid="amount-net"');
    expect(html).not.toContain('data-testid="sale-settlement"');
  });
});
