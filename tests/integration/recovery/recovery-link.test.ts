// The recovery link on both engines: the Pulse's checkout.url first; without one, the product's checkout
// link built from the store URL and product slug the mirror holds (sales read from the API carry them),
// else from the store info service; the product's page as a last resort; and none at all said as null.
import { expect, it, vi } from "vitest";
import type { Sale } from "@/lib/chariow";
import { upsertSales } from "@/lib/mirror";
import { buildLeadMessage, getLeadContact, MIRROR_ONLY_LINKS, setRecoveryTemplates, type CatalogueLinks } from "@/lib/recovery";
import { saleDetail, saleSummary } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const NOW = "2026-05-02T12:00:00Z";
const ZONE = "Africa/Abidjan";
const STORE_URL = "https://boutique.mychariow.com";
const owner = { id: "u1", email: "owner@x.test", role: "owner" as const };

/** The JSON GET /sales returns for a sale, with the store URL and product slug the factory's Sale lacks. */
function apiJson(s: Sale, refs: { storeUrl?: string | null; slug?: string | null }) {
  return { id: s.id, status: s.status, store: { id: "str_1", name: "Boutique", ...(refs.storeUrl ? { url: refs.storeUrl } : {}) }, product: { id: s.product?.id, name: s.product?.name, slug: refs.slug ?? null } };
}

/** A service that must not be asked (the mirror already knows). */
const refusingLinks: CatalogueLinks = {
  storeUrl: vi.fn(async () => {
    throw new Error("GET /store must not be called");
  }),
  product: vi.fn(async () => {
    throw new Error("GET /products/{id} must not be called");
  }),
};

describeEachEngine("Recovery link", ({ db }) => {
  const failed = (id: string, productId: string) => saleSummary({ id, status: "failed", createdAt: "2026-05-01T10:00:00Z", failedAt: "2026-05-01T10:01:00Z", productId, customerId: "cus_1" });

  it("uses the Pulse's checkout.url when one came", async () => {
    const s = failed("sal_pulse", "prd_1");
    await upsertSales(db().db, [s], { source: "pulse", receivedAt: NOW, timeZone: ZONE, raw: [null], checkoutUrls: [`${STORE_URL}/checkout/ebook?email=a%40b.c`] });
    expect(await getLeadContact(db().db, "sal_pulse", refusingLinks)).toMatchObject({ checkoutUrl: `${STORE_URL}/checkout/ebook?email=a%40b.c`, linkSource: "pulse" });
  });

  it("without checkout.url, builds the product's checkout link from the sale's own store URL and slug, and puts it in the message", async () => {
    const s = failed("sal_list", "prd_1");
    await upsertSales(db().db, [s], { source: "list", receivedAt: NOW, timeZone: ZONE, raw: [apiJson(s, { storeUrl: `${STORE_URL}/`, slug: "guide-pratique" })] });
    await setRecoveryTemplates(db().db, { fr: "Finalisez ici : {link}", en: "Complete here: {link}" }, owner);
    const m = await buildLeadMessage(db().db, "sal_list", "en", refusingLinks);
    expect(m).toMatchObject({ checkoutUrl: `${STORE_URL}/checkout/guide-pratique`, linkSource: "product_checkout", message: `Complete here: ${STORE_URL}/checkout/guide-pratique` });
    expect(refusingLinks.storeUrl).not.toHaveBeenCalled();
  });

  it("learns the slug from another sale of the product and the store URL from the store info service", async () => {
    const lead = failed("sal_bare", "prd_2");
    const other = saleDetail({ id: "sal_other", status: "completed", createdAt: "2026-04-20T10:00:00Z", productId: "prd_2", customerId: "cus_9" });
    // The legacy dialect's store object has a slug, not a URL.
    await upsertSales(db().db, [other], { source: "detail", receivedAt: NOW, timeZone: ZONE, raw: [apiJson(other, { slug: "formation-excel" })] });
    await upsertSales(db().db, [lead], { source: "pulse", receivedAt: NOW, timeZone: ZONE, raw: [null] });
    const product = vi.fn(async () => null);
    const links: CatalogueLinks = { storeUrl: async () => STORE_URL, product };
    expect(await getLeadContact(db().db, "sal_bare", links)).toMatchObject({ checkoutUrl: `${STORE_URL}/checkout/formation-excel`, linkSource: "product_checkout" });
    expect(product).not.toHaveBeenCalled(); // the mirror knew the slug
  });

  it("asks the service for the product when the mirror cannot tell; its page when no store URL is known", async () => {
    const lead = failed("sal_alone", "prd_3");
    await upsertSales(db().db, [lead], { source: "list", receivedAt: NOW, timeZone: ZONE, raw: [null] });
    const product = async (id: string) => (id === "prd_3" ? { slug: "coaching", url: `${STORE_URL}/coaching` } : null);
    expect(await getLeadContact(db().db, "sal_alone", { storeUrl: async () => STORE_URL, product })).toMatchObject({ checkoutUrl: `${STORE_URL}/checkout/coaching`, linkSource: "product_checkout" });
    expect(await getLeadContact(db().db, "sal_alone", { storeUrl: async () => null, product })).toMatchObject({ checkoutUrl: `${STORE_URL}/coaching`, linkSource: "product_page" });
  });

  it("says null when no link is known at all, and the message leaves {link} empty rather than raw", async () => {
    const lead = failed("sal_none", "prd_4");
    await upsertSales(db().db, [lead], { source: "list", receivedAt: NOW, timeZone: ZONE, raw: [null] });
    await setRecoveryTemplates(db().db, { fr: "Lien : {link}", en: "Link: {link}" }, owner);
    const m = await buildLeadMessage(db().db, "sal_none", "fr", MIRROR_ONLY_LINKS);
    expect(m).toMatchObject({ checkoutUrl: null, linkSource: null, message: "Lien : " });
  });
});
