// Migration 0020: the Downloads page without reading every paid sale (issue 17, docs/downloads.md). Two
// small tables kept by delta at write time (lib/mirror/download-rollup.ts) give the coverage, the 99th
// percentile, the engagement counts and names, the "has files" evidence and the median's sample; two
// partial indexes over paid sales give each list's first page in its default order (walk the index, stop
// after a page). Rows already mirrored are counted here.
// Several stores later: store_id goes first in both keys and in each index.
import "server-only";
import { sql, type Kysely } from "kysely";
import { clusteredByPrimaryKey, type Engine } from "../engine-sql";

// Restated, not imported: a migration must not follow later changes to app code. `status || ''`: the
// queries repeat this exact text (SQLite uses a partial index only then), and SQLite's planner cannot
// answer it with the (status, id) index of 0018 — which it would otherwise prefer, then sort every paid sale.
const PAID = `(status || '') in ('completed', 'settled')`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const rollup = db.schema
    .createTable("sales_download_rollup")
    .addColumn("product_id", "text", (c) => c.notNull())
    .addColumn("product_name", "text", (c) => c.notNull())
    .addColumn("product_type", "text", (c) => c.notNull())
    .addColumn("download_total", "integer", (c) => c.notNull())
    .addColumn("payload_files", "integer", (c) => c.notNull())
    .addColumn("first_sample", "integer", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull());
  await clusteredByPrimaryKey(rollup.addPrimaryKeyConstraint("sales_download_rollup_pk", ["product_id", "product_name", "product_type", "download_total", "payload_files", "first_sample"]), engine).execute();
  // ms is a difference of two Date.parse values: a whole number, exact in a double on both engines.
  await db.schema
    .createTable("sales_download_first")
    .addColumn("sale_id", "text", (c) => c.primaryKey())
    .addColumn("product_id", "text", (c) => c.notNull())
    .addColumn("ms", "double precision", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sales_download_first_product_idx").on("sales_download_first").columns(["product_id", "ms"]).execute();

  // "Not accessed yet" (oldest payment first) and "Paid sales" (newest first): the payment order, with what
  // their filters read, so the walk and the counts never read the table until a page's rows are known
  // (status too, although the condition implies it: without it SQLite reads each row to test it again).
  await sql.raw(`create index sales_download_paid_at_idx on sales (completed_at, id, product_id, download_total, status) where ${PAID}`).execute(db);
  // "Unusual activity": most downloads first, the sale id breaking ties — read one count at a time.
  await sql.raw(`create index sales_download_total_idx on sales (download_total, id, product_id) where ${PAID} and download_total is not null`).execute(db);

  await fillDownloadRollup(db, engine);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function fillDownloadRollup(db: Kysely<any>, engine: Engine): Promise<void> {
  const has = (needle: string) => (engine === "postgres" ? `strpos(raw_json, '${needle}') > 0` : `instr(raw_json, '${needle}') > 0`);
  const files = `(case when raw_json is not null and ${has('"files":[{')} then 1 else 0 end) + (case when raw_json is not null and ${has('"files":[]')} then 2 else 0 end)`;
  const counts = new Map<string, { product_id: string; product_name: string; product_type: string; download_total: number; payload_files: number; first_sample: number; n: number }>();
  let after = "";
  for (;;) {
    const page = (
      await sql<{ id: string; product_id: string; product_name: string | null; product_type: string | null; download_total: number | string | null; download_last_at: string | null; completed_at: string | null; payload_files: number | string }>`
        select id, product_id, product_name, product_type, download_total, download_last_at, completed_at, ${sql.raw(files)} as payload_files
        from sales where ${sql.raw(PAID)} and product_id is not null and id > ${after} order by id limit 5000`.execute(db)
    ).rows;
    if (page.length === 0) break;
    after = page[page.length - 1].id;
    const firsts: { sale_id: string; product_id: string; ms: number }[] = [];
    for (const r of page) {
      const total = r.download_total === null ? -1 : Number(r.download_total);
      // As lib/mirror/download-rollup.ts firstDownloadMs (restated).
      const delta = total === 1 && r.download_last_at && r.completed_at ? Date.parse(r.download_last_at) - Date.parse(r.completed_at) : NaN;
      const inSample = Number.isFinite(delta) && delta >= 0;
      if (inSample) firsts.push({ sale_id: r.id, product_id: r.product_id, ms: delta });
      const key = { product_id: r.product_id, product_name: r.product_name ?? "", product_type: r.product_type ?? "", download_total: total, payload_files: Number(r.payload_files), first_sample: inSample ? 1 : 0 };
      const id = `${key.product_id}\u0000${key.product_name}\u0000${key.product_type}\u0000${key.download_total}\u0000${key.payload_files}\u0000${key.first_sample}`;
      const found = counts.get(id);
      if (found) found.n++;
      else counts.set(id, { ...key, n: 1 });
    }
    for (let i = 0; i < firsts.length; i += 1000) await db.insertInto("sales_download_first").values(firsts.slice(i, i + 1000)).execute();
  }
  const rows = [...counts.values()];
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto("sales_download_rollup").values(rows.slice(i, i + 1000)).execute();
}
