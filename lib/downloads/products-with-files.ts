// Which products have files to download. The mirror has no product-files column, so the evidence is,
// in order: a sale of it was downloaded; a stored payload of one of its sales lists a post_purchase
// file (or an empty files list: no files); else the product type (a "service" has none, §5 product.type).
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { PAID_SALE_STATUSES } from "./schemas";

/** Product types that deliver nothing to download (the simulator's coaching and audits). */
const TYPES_WITHOUT_FILES = new Set(["service"]);

// raw_json is JSON.stringify output (lib/mirror/upsert-sales.ts), so there is no whitespace to allow for.
const LISTS_A_FILE = '%"files":[{%';
const LISTS_NO_FILE = '%"files":[]%';

export interface ProductWithFiles {
  productId: string;
  productName: string | null;
}

export async function productsWithFiles(db: Kysely<Database>): Promise<ProductWithFiles[]> {
  const rows = await db
    .selectFrom("sales")
    .select(["product_id", sql<string | null>`max(product_name)`.as("product_name"), sql<string | null>`max(product_type)`.as("product_type"), sql<number | null>`max(download_total)`.as("max_downloads")])
    .where("status", "in", [...PAID_SALE_STATUSES])
    .where("product_id", "is not", null)
    .groupBy("product_id")
    .execute();
  const out: ProductWithFiles[] = [];
  for (const r of rows) {
    const id = r.product_id as string;
    if (Number(r.max_downloads ?? 0) > 0 || (await payloadSays(db, id, LISTS_A_FILE))) out.push({ productId: id, productName: r.product_name });
    else if (await payloadSays(db, id, LISTS_NO_FILE)) continue;
    else if (!TYPES_WITHOUT_FILES.has(r.product_type ?? "")) out.push({ productId: id, productName: r.product_name });
  }
  return out.sort((a, b) => (a.productName ?? a.productId).localeCompare(b.productName ?? b.productId));
}

async function payloadSays(db: Kysely<Database>, productId: string, pattern: string): Promise<boolean> {
  const hit = await db
    .selectFrom("sales")
    .select("id")
    .where("product_id", "=", productId)
    .where("status", "in", [...PAID_SALE_STATUSES])
    .where("raw_json", "like", pattern)
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}
