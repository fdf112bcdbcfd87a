// The paid sales of products with files, with what the sale detail said about their downloads
// (chariow-api.md §5: download.total and last_at exist only in GET /sales/{id}; null = not read yet).
import "server-only";
import type { Kysely } from "kysely";
import type { Database, SaleRow } from "@/lib/db";
import { productsWithFiles } from "./products-with-files";
import { PAID_SALE_STATUSES } from "./schemas";

export interface DownloadFact {
  saleId: string;
  status: string;
  productId: string;
  productName: string | null;
  customerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  currency: string | null;
  amount: number | null;
  completedAt: string | null;
  /** null = the sale's detail has not been read (or did not say): unknown, never 0. */
  downloadTotal: number | null;
  downloadLastAt: string | null;
}

const IN_CHUNK = 500;

/** The columns a fact is read from. */
export const FACT_COLUMNS = ["id", "status", "product_id", "product_name", "customer_id", "customer_name", "customer_email", "currency", "amount", "completed_at", "download_total", "download_last_at"] as const;
type FactRow = Pick<SaleRow, (typeof FACT_COLUMNS)[number]>;

export function toDownloadFact(r: FactRow): DownloadFact {
  return {
    saleId: r.id,
    status: r.status,
    productId: r.product_id as string,
    productName: r.product_name,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerEmail: r.customer_email,
    currency: r.currency,
    amount: r.amount === null ? null : Number(r.amount),
    completedAt: r.completed_at,
    downloadTotal: r.download_total === null ? null : Number(r.download_total),
    downloadLastAt: r.download_last_at,
  };
}

export async function loadDownloadFacts(db: Kysely<Database>): Promise<DownloadFact[]> {
  const products = await productsWithFiles(db);
  const out: DownloadFact[] = [];
  for (let i = 0; i < products.length; i += IN_CHUNK) {
    const ids = products.slice(i, i + IN_CHUNK).map((p) => p.productId);
    const rows = await db
      .selectFrom("sales")
      .select(FACT_COLUMNS)
      .where("status", "in", [...PAID_SALE_STATUSES])
      .where("product_id", "in", ids)
      .execute();
    for (const r of rows) out.push(toDownloadFact(r));
  }
  // Newest payment first; a sale without completed_at (a list quirk, §5) goes last.
  return out.sort((a, b) => (b.completedAt ?? "").localeCompare(a.completedAt ?? "") || a.saleId.localeCompare(b.saleId));
}
