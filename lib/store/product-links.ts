// A product's public slug and page URL from GET /products/{id} (chariow-api.md §7), for the recovery link
// of a lead that no Pulse gave a checkout link. Cached per product: an hour when known (slugs rarely
// change and the API allows ~10 calls a minute), a minute after a failure. Unpublished products are not
// served by the API, so they have no link — they cannot be bought anyway.
import "server-only";
import { isEndpointUnavailable } from "@/lib/chariow";
import { getChariowClient } from "@/lib/store/chariow-connection";

export type ProductLink = { slug: string | null; url: string | null };

const KNOWN_TTL_MS = 60 * 60_000;
const RETRY_AFTER_FAILURE_MS = 60_000;
const LOOKUP_TIMEOUT_MS = 3_000;
const MAX_ENTRIES = 2_000;
type Cached = { value: ProductLink | null; until: number };
// On globalThis so every server bundle shares one cache (like the store name's).
const holder = globalThis as typeof globalThis & { __chariowProductLinks?: Map<string, Cached> };

/** The product's slug and page URL, or null when the API cannot tell (unknown, unpublished, unreachable). */
export async function getProductLink(productId: string): Promise<ProductLink | null> {
  const cache = (holder.__chariowProductLinks ??= new Map());
  const hit = cache.get(productId);
  if (hit && hit.until > Date.now()) return hit.value;
  const client = getChariowClient();
  if (!client) return null;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  try {
    const product = await client.getProduct(productId, { priority: "interactive", signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
    const value = { slug: product.slug, url: product.url };
    cache.set(productId, { value, until: Date.now() + KNOWN_TTL_MS });
    return value;
  } catch (error) {
    // Keep what we once knew and ask again later: in a minute after a busy budget or an outage, in an hour
    // after an answer that will not change soon (404: unpublished, or a store without GET /products; 403; 501).
    const known = hit?.value ?? null;
    cache.set(productId, { value: known, until: Date.now() + (isEndpointUnavailable(error) ? KNOWN_TTL_MS : RETRY_AFTER_FAILURE_MS) });
    return known;
  }
}
