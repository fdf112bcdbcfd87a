// What the Downloads page sums instead of reading every paid sale (issue 17, migration 0020): per product,
// how many paid sales have each download count (unknown = -1), with the product's name (a product keeps one
// name, so this adds rows only when it is renamed), the evidence that the product has files (its type,
// what its payload lists) and whether the sale is in the "first download" median's
// sample; and, for that sample, each sale's time from payment to its (only) download, indexed per product
// so a median is one ORDER BY … LIMIT 2 OFFSET n/2. Kept by delta in upsertSales (old contribution out,
// new one in), like the rollups. With several stores, store_id would lead both keys.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database, SaleRow, SalesDownloadRollupTable } from "@/lib/db";

/** Paid, as lib/downloads PAID_SALE_STATUSES (restated: lib/downloads reads this module's tables). */
const PAID = new Set(["completed", "settled"]);
/** download_total of a sale whose detail has not been read: unknown, kept apart from 0. */
export const UNKNOWN_DOWNLOADS = -1;
/** payload_files bits: a stored payload lists a post_purchase file / lists an empty files array. */
export const LISTS_A_FILE = 1;
export const LISTS_NO_FILE = 2;

type DownloadData = Pick<SaleRow, "id" | "status" | "product_id" | "product_name" | "product_type" | "download_total" | "download_last_at" | "completed_at" | "raw_json">;

/** A bucket of the download rollup: its table's key columns (lib/db/schema.ts), without the count. */
export type DownloadRollupKey = Omit<SalesDownloadRollupTable, "n">;

/**
 * Milliseconds from payment to the first download, for a paid sale downloaded exactly once (its last
 * download is its first, docs/downloads.md); null otherwise, or when a time is missing or out of order.
 */
export function firstDownloadMs(d: DownloadData): number | null {
  if (!PAID.has(d.status) || d.product_id === null || d.download_total === null || Number(d.download_total) !== 1 || !d.download_last_at || !d.completed_at) return null;
  const delta = Date.parse(d.download_last_at) - Date.parse(d.completed_at);
  return Number.isFinite(delta) && delta >= 0 ? delta : null;
}

// raw_json is JSON.stringify output (lib/mirror/upsert-sales.ts): no whitespace to allow for.
function payloadFiles(raw: string | null): number {
  if (!raw) return 0;
  return (raw.includes('"files":[{') ? LISTS_A_FILE : 0) | (raw.includes('"files":[]') ? LISTS_NO_FILE : 0);
}

/** A sale's bucket, or null when it is not a paid sale of a known product (it counts nowhere). */
export function downloadRollupKey(d: DownloadData): DownloadRollupKey | null {
  if (!PAID.has(d.status) || d.product_id === null) return null;
  return {
    product_id: d.product_id,
    product_name: d.product_name ?? "",
    product_type: d.product_type ?? "",
    download_total: d.download_total === null ? UNKNOWN_DOWNLOADS : Number(d.download_total),
    payload_files: payloadFiles(d.raw_json),
    first_sample: firstDownloadMs(d) === null ? 0 : 1,
  };
}

/** A batch's net change to both tables. */
export class DownloadDelta {
  private readonly counts = new Map<string, { key: DownloadRollupKey; n: number }>();
  private readonly firsts = new Map<string, { product_id: string; ms: number } | null>();

  /** The change from `before` (absent for a new sale) to `after` for one sale. */
  change(before: DownloadData | undefined, after: DownloadData): void {
    this.add(before ? downloadRollupKey(before) : null, -1);
    this.add(downloadRollupKey(after), 1);
    const was = before ? firstDownloadMs(before) : null;
    const now = firstDownloadMs(after);
    if (was !== null || now !== null) this.firsts.set(after.id, now === null ? null : { product_id: after.product_id as string, ms: now });
  }

  private add(key: DownloadRollupKey | null, sign: 1 | -1): void {
    if (!key) return;
    const id = `${key.product_id}\u0000${key.product_name}\u0000${key.product_type}\u0000${key.download_total}\u0000${key.payload_files}\u0000${key.first_sample}`;
    const found = this.counts.get(id);
    if (found) found.n += sign;
    else this.counts.set(id, { key, n: sign });
  }

  rows(): Array<DownloadRollupKey & { n: number }> {
    return [...this.counts.values()].filter((c) => c.n !== 0).map((c) => ({ ...c.key, n: c.n }));
  }

  firstDownloads(): Array<[saleId: string, value: { product_id: string; ms: number } | null]> {
    return [...this.firsts.entries()];
  }
}

const CHUNK = 1000;

/**
 * Adds the batch's changes (insert, or add on conflict). Buckets that drop to zero stay as zero rows, as
 * in the rollups: the reader filters n > 0, and the write needs no scan to find them.
 */
export async function applyDownloadDelta(trx: Kysely<Database>, delta: DownloadDelta): Promise<void> {
  const rows = delta.rows();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("sales_download_rollup")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(["product_id", "product_name", "product_type", "download_total", "payload_files", "first_sample"]).doUpdateSet({ n: sql`sales_download_rollup.n + excluded.n` }))
      .execute();
  }
  const firsts = delta.firstDownloads();
  for (let i = 0; i < firsts.length; i += CHUNK) {
    const slice = firsts.slice(i, i + CHUNK);
    await trx.deleteFrom("sales_download_first").where("sale_id", "in", slice.map(([id]) => id)).execute();
    const keep = slice.flatMap(([sale_id, v]) => (v ? [{ sale_id, product_id: v.product_id, ms: v.ms }] : []));
    if (keep.length > 0) await trx.insertInto("sales_download_first").values(keep).execute();
  }
}
