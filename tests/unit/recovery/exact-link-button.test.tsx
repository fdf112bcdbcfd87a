// The exact recovery link button as the server renders it (before JavaScript): the create form with its
// optional discount code, a stored payment link with Copy and a WhatsApp share of that very link, the
// completed and already-owned outcomes in words, and an unknown outcome that says so and offers an explicit
// retry — never a second request by itself.
import { describe, expect, it } from "vitest";
import { ExactLinkButton } from "@/components/recovery/exact-link-button";
import { attributesOf, renderHtml } from "../../support/render";

const URL_ = "https://shop.mychariow.com/checkout/pay/sal_new?token=abc";

describe("ExactLinkButton (server HTML)", () => {
  it("without a link: the create button and an optional discount code, in words", async () => {
    const html = await renderHtml(<ExactLinkButton leadId="sal_lead" />);
    expect(attributesOf(html, "button", "data-testid")).toEqual(["exact-link-create"]);
    expect(html).toContain("Créer un lien de paiement exact");
    expect(html).toContain("Code promo (facultatif)");
    expect(html).toContain("canal API");
    expect(attributesOf(html, "a", "data-testid")).toEqual([]);
  });

  it("with a payment link: the link, Copy, and a WhatsApp share carrying the link (to the customer's chat when known)", async () => {
    const html = await renderHtml(<ExactLinkButton leadId="sal_lead" initial={{ status: "created", step: "payment", url: URL_, discountCode: "SAVE20" }} whatsappDigits="2250701020304" />);
    expect(attributesOf(html, "a", "href")).toEqual([URL_, `https://wa.me/2250701020304?text=${encodeURIComponent(URL_)}`]);
    expect(attributesOf(html, "a", "data-testid")).toEqual(["exact-link-url", "exact-link-whatsapp"]);
    expect(html).toContain(`>${URL_.replace("&", "&amp;")}</a>`);
    expect(html).toContain("Copier le lien");
    expect(html).toContain("code promo SAVE20");
    expect(attributesOf(html, "button", "data-testid")).toEqual(["exact-link-copy"]);
    const en = await renderHtml(<ExactLinkButton leadId="sal_lead" initial={{ status: "created", step: "payment", url: URL_, discountCode: null }} />, "en");
    expect(attributesOf(en, "a", "href")).toContain(`https://wa.me/?text=${encodeURIComponent(URL_)}`);
    expect(en).toContain("Share on WhatsApp");
  });

  it("completed and already owned are said in words; no create button", async () => {
    const free = await renderHtml(<ExactLinkButton leadId="sal_lead" initial={{ status: "created", step: "completed", url: null, discountCode: null }} />);
    expect(free).toContain("la relance est récupérée");
    const owned = await renderHtml(<ExactLinkButton leadId="sal_lead" initial={{ status: "created", step: "already_purchased", url: null, discountCode: null }} />);
    expect(owned).toContain("Ce client possède déjà ce produit");
    expect(attributesOf(owned, "button", "data-testid")).toEqual([]);
  });

  it("an unknown outcome says a sale may exist and offers only an explicit retry", async () => {
    const html = await renderHtml(<ExactLinkButton leadId="sal_lead" initial={{ status: "unknown", step: null, url: null, discountCode: null }} />);
    expect(html).toContain("on ne sait pas si la vente a été créée");
    expect(attributesOf(html, "button", "data-testid")).toEqual(["exact-link-retry"]);
  });
});
