// The store info service as the recovery link needs it: the store's URL (GET /store) and a product's
// slug and page (GET /products/{id}), both cached, looked up only when the mirror cannot tell.
import "server-only";
import type { CatalogueLinks } from "@/lib/recovery/recovery-link";
import { getProductLink } from "./product-links";
import { getStoreUrl } from "./store-info";

export const storeCatalogueLinks: CatalogueLinks = { storeUrl: getStoreUrl, product: getProductLink };
