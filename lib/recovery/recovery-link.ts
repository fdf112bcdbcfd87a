// The recovery link of a lead: the Pulse's prefilled `checkout.url` when one came (chariow-api.md §8),
// else the product's checkout link `<store url>/checkout/<product slug>` (the form of Chariow's own
// checkout links), else the product's public page. The store URL and slug come from the mirror first
// (sales read from the API carry `store.url` and `product.slug`), then from the store info service.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";

/** What the store info service (lib/store) knows; passed in so this module never calls the API itself. */
export interface CatalogueLinks {
  /** The store's public URL (GET /store `url`), null when unknown. */
  storeUrl(): Promise<string | null>;
  /** A product's slug and page URL (GET /products/{id}), null when unknown or unpublished. */
  product(productId: string): Promise<{ slug: string | null; url: string | null } | null>;
}

/** No lookups: only what the mirror and the Pulses hold (tests, offline). */
export const MIRROR_ONLY_LINKS: CatalogueLinks = { storeUrl: async () => null, product: async () => null };

export type RecoveryLinkSource = "pulse" | "product_checkout" | "product_page";
export type RecoveryLink = { url: string; source: RecoveryLinkSource };

type Refs = { storeUrl: string | null; productSlug: string | null; productUrl: string | null };
const NONE: Refs = { storeUrl: null, productSlug: null, productUrl: null };
// A few recent API-read sales of the product are enough to learn its slug and the store's URL.
const MIRROR_SAMPLES = 10;

export function productCheckoutLink(storeUrl: string, productSlug: string): string {
  return `${storeUrl.replace(/\/+$/, "")}/checkout/${encodeURIComponent(productSlug)}`;
}

/** `store.url`, `product.slug` and `product.url` of a stored sale object or Pulse body, when present. */
export function linkRefsOf(json: string | null): Refs {
  if (!json) return NONE;
  try {
    const o = JSON.parse(json) as { store?: { url?: unknown }; product?: { slug?: unknown; url?: unknown } };
    const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
    return { storeUrl: str(o.store?.url), productSlug: str(o.product?.slug), productUrl: str(o.product?.url) };
  } catch {
    return NONE;
  }
}

export async function resolveRecoveryLink(
  db: Kysely<Database>,
  sale: { checkoutUrl: string | null; productId: string | null; rawJson: string | null; pulseBody: string | null },
  links: CatalogueLinks,
): Promise<RecoveryLink | null> {
  if (sale.checkoutUrl) return { url: sale.checkoutUrl, source: "pulse" };
  if (!sale.productId) return null;
  const own = [linkRefsOf(sale.rawJson), linkRefsOf(sale.pulseBody)];
  const first = (refs: Refs[], key: keyof Refs) => refs.map((r) => r[key]).find((v) => v !== null) ?? null;
  let storeUrl = first(own, "storeUrl");
  let slug = first(own, "productSlug");
  if (!storeUrl || !slug) {
    const others = (await mirrorSamples(db, sale.productId)).map(linkRefsOf);
    storeUrl ??= first(others, "storeUrl");
    slug ??= first(others, "productSlug");
  }
  storeUrl ??= await links.storeUrl();
  const product = slug && storeUrl ? null : await links.product(sale.productId);
  slug ??= product?.slug ?? null;
  if (storeUrl && slug) return { url: productCheckoutLink(storeUrl, slug), source: "product_checkout" };
  const page = first(own, "productUrl") ?? product?.url ?? null;
  return page ? { url: page, source: "product_page" } : null;
}

/** Raw JSON of the product's latest API-read sales (a Pulse's raw_json is the bare sale, without product). */
async function mirrorSamples(db: Kysely<Database>, productId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("sales")
    .select("raw_json")
    .where("product_id", "=", productId)
    .where("source", "in", ["list", "detail"])
    .where("raw_json", "is not", null)
    .orderBy("created_at", "desc")
    .limit(MIRROR_SAMPLES)
    .execute();
  return rows.map((r) => r.raw_json).filter((x): x is string => x !== null);
}
