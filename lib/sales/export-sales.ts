// CSV export of every sale of a filter (DESIGN §3 export rules): rows read from the mirror in keyset
// batches (constant memory, no OFFSET that slows down with depth, no row cap), formatted by lib/csv, and
// an audit entry (who, which filter, how many rows) once the stream has ended. Status and channel values
// stay Chariow's codes (stable for scripts); the header is in the user's language. The fee, net and payout
// columns are left out for a role without settlements:read (lib/sales/financial-fields.ts).
import "server-only";
import { sql, type Kysely, type Selectable } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { decimalText, formatInstantInZone, moneyText, withTimeZone } from "@/lib/csv/cells";
import { csvField, csvResponse, csvTextField, type CsvText } from "@/lib/csv/csv-stream";
import { delimiterOf, type CsvPreset } from "@/lib/csv/presets";
import type { Database, SalesTable } from "@/lib/db";
import { paymentMethodShown } from "@/lib/mirror";
import { saleNet } from "@/lib/settlements/net";
import { FINANCIAL_SALE_EXPORT_COLUMNS, seesFinancials } from "./financial-fields";
import { salesBase, type SalesQueryContext } from "./sales-query";
import type { SalesFilters } from "./schemas";
import { filtersOf } from "./view-query";

export const SALE_EXPORT_COLUMNS = [
  "id",
  "createdAt",
  "status",
  "paymentStatus",
  "customerId",
  "customerName",
  "customerEmail",
  "productId",
  "productName",
  "channel",
  "currency",
  "originalAmount",
  "discountAmount",
  "amount",
  "gatewayFee",
  "serviceFee",
  "settlementNet",
  "settlementCurrency",
  "completedAt",
  "settlementDueAt",
  "settlementDoneAt",
  "discountCode",
  "campaignName",
  "country",
  "paymentGateway",
  "paymentMethod",
  "transactionId",
  "exchangeRate",
  "failureCode",
  "failureMessage",
  "affiliateCode",
] as const;
export type SaleExportColumn = (typeof SALE_EXPORT_COLUMNS)[number];

/** Instant columns: their header gets the timezone their values are written in. */
const INSTANT_COLUMNS = new Set<SaleExportColumn>(["createdAt", "completedAt", "settlementDueAt", "settlementDoneAt"]);

/** The columns read for each sale, in the order of a row read as values. */
export const SALE_EXPORT_READ = [
  "id",
  "created_at",
  "status",
  "payment_status",
  "customer_id",
  "customer_name",
  "customer_email",
  "product_id",
  "product_name",
  "channel",
  "currency",
  "original_amount",
  "discount_amount",
  "amount",
  "gateway_fee",
  "gateway_fee_currency",
  "service_fee",
  "settlement_net",
  "settlement_currency",
  "completed_at",
  "settlement_due_at",
  "settlement_done_at",
  "discount_code",
  "campaign_name",
  "shipping_country",
  "context_country",
  "payment_gateway",
  "payment_method_id",
  "payment_method_name",
  "payment_transaction_id",
  "exchange_rate",
  "failure_code",
  "failure_message",
  "store_affiliate_code",
] as const satisfies ReadonlyArray<keyof SalesTable>;
type ExportRow = Pick<Selectable<SalesTable>, (typeof SALE_EXPORT_READ)[number]>;

/** Rows per query: each batch is garbage once written, so the heap stays small (bench/README.md). */
export const EXPORT_BATCH = 2000;
/**
 * Records per chunk of the response (~50 KB): below V8's large-object size, so each chunk's string and
 * bytes are freed by the next young-generation GC instead of piling up until a full one (memory growth).
 */
const RECORDS_PER_CHUNK = 200;

export function saleExportHeader(labels: Record<SaleExportColumn, string>, timeZone: string): string[] {
  return SALE_EXPORT_COLUMNS.map((c) => (INSTANT_COLUMNS.has(c) ? withTimeZone(labels[c], timeZone) : labels[c]));
}

/** Position of each selected column in a row read as values (SQLite's json_array, PG's row mapped). */
const AT = Object.fromEntries(SALE_EXPORT_READ.map((c, i) => [c, i])) as Record<(typeof SALE_EXPORT_READ)[number], number>;
type ExportValues = unknown[];

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

// Module-level rather than closures in writeSaleFields: no function objects per row. Money and the rate
// are written as they are: digits, a sign, an exponent and the preset's decimal separator, which is never
// its delimiter ("." with ",", "," with ";"), so csvField would never quote them.
const ourField = (t: string | null) => t ?? "";
const userField = (x: unknown, preset: CsvPreset) => csvTextField(text(x), preset);
function instantField(x: unknown, preset: CsvPreset, timeZone: string): string {
  const iso = text(x);
  return iso ? csvField(formatInstantInZone(iso, timeZone), preset) : "";
}

/**
 * One sale's fields as written in the CSV (quoted, neutralised), in SALE_EXPORT_COLUMNS order, into
 * `out` (reused from row to row). Written straight to text rather than as cells for formatCsvRecords —
 * the same rules through the same csvField / csvTextField, without ~40 objects a row, most of the
 * export's garbage at a million rows. Money, instants and the rate are our own text (never neutralised).
 */
function writeSaleFields(v: ExportValues, preset: CsvPreset, timeZone: string, out: string[]): void {
  const currency = text(v[AT.currency]);
  const settlementCurrency = text(v[AT.settlement_currency]) ?? currency;
  // settlementNet is Chariow's settlement amount, read through the one net rule (lib/settlements/net.ts).
  const settlementNet = saleNet({ currency, settlementNet: num(v[AT.settlement_net]), settlementCurrency })?.minor ?? null;
  const serviceFee = num(v[AT.service_fee]);
  out[0] = userField(v[AT.id], preset);
  out[1] = instantField(v[AT.created_at], preset, timeZone);
  out[2] = userField(v[AT.status], preset);
  out[3] = userField(v[AT.payment_status], preset);
  out[4] = userField(v[AT.customer_id], preset);
  out[5] = userField(v[AT.customer_name], preset);
  out[6] = userField(v[AT.customer_email], preset);
  out[7] = userField(v[AT.product_id], preset);
  out[8] = userField(v[AT.product_name], preset);
  out[9] = userField(v[AT.channel], preset);
  out[10] = csvTextField(currency, preset);
  out[11] = ourField(moneyText(num(v[AT.original_amount]), currency, preset));
  out[12] = ourField(moneyText(num(v[AT.discount_amount]), currency, preset));
  out[13] = ourField(moneyText(num(v[AT.amount]), currency, preset));
  out[14] = ourField(moneyText(num(v[AT.gateway_fee]), text(v[AT.gateway_fee_currency]) ?? currency, preset));
  out[15] = ourField(moneyText(serviceFee, settlementCurrency, preset));
  out[16] = ourField(moneyText(settlementNet, settlementCurrency, preset));
  out[17] = csvTextField(settlementNet === null && serviceFee === null ? null : settlementCurrency, preset);
  out[18] = instantField(v[AT.completed_at], preset, timeZone);
  out[19] = instantField(v[AT.settlement_due_at], preset, timeZone);
  out[20] = instantField(v[AT.settlement_done_at], preset, timeZone);
  out[21] = userField(v[AT.discount_code], preset);
  out[22] = userField(v[AT.campaign_name], preset);
  out[23] = csvTextField(text(v[AT.shipping_country]) ?? text(v[AT.context_country]), preset);
  out[24] = userField(v[AT.payment_gateway], preset);
  out[25] = csvTextField(paymentMethodShown({ payment_method_id: text(v[AT.payment_method_id]), payment_method_name: text(v[AT.payment_method_name]) }), preset);
  out[26] = userField(v[AT.payment_transaction_id], preset);
  out[27] = ourField(decimalText(num(v[AT.exchange_rate]), preset));
  out[28] = userField(v[AT.failure_code], preset);
  out[29] = userField(v[AT.failure_message], preset);
  out[30] = userField(v[AT.store_affiliate_code], preset);
}

/**
 * A batch of sales as CSV records (CRLF after each), keeping the columns at `kept` (null: all). The
 * bytes are those of formatCsvRecords over the export's cells (tests/unit/sales/export-records.test.ts).
 */
export function saleExportRecords(rows: readonly ExportValues[], preset: CsvPreset, timeZone: string, kept: readonly number[] | null = null): string {
  const delimiter = delimiterOf(preset);
  const fields = new Array<string>(SALE_EXPORT_COLUMNS.length);
  const shown = kept ? new Array<string>(kept.length) : fields;
  // join() writes each record as one flat string: no chain of ~60 concatenations a row to flatten later.
  const records = new Array<string>(rows.length + 1);
  for (let r = 0; r < rows.length; r++) {
    writeSaleFields(rows[r], preset, timeZone, fields);
    if (kept) for (let i = 0; i < kept.length; i++) shown[i] = fields[kept[i]];
    records[r] = shown.join(delimiter);
  }
  records[rows.length] = "";
  return records.join("\r\n");
}

/**
 * Every sale of the filter, newest first, by keyset on (created_at, id): each batch starts after the last
 * row of the previous one, so the cost per row is flat at any depth. Sales without a created_at (a
 * payload that omitted it, chariow-api.md §5) follow, by id — the engines order NULLs differently, so
 * they are read as their own pass rather than trusted to an ORDER BY.
 */
export async function* iterateSaleBatchesForExport(db: Kysely<Database>, filters: SalesFilters, queryCtx: SalesQueryContext, batch = EXPORT_BATCH): AsyncGenerator<ExportValues[]> {
  const ctx = { ...queryCtx, createdOrder: true };
  const read = ctx.engine === "sqlite" ? readBatchAsJsonArrays : readBatch;
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    const cursor: { createdAt: string; id: string } | null = after;
    const rows = await read(
      salesBase(db, filters, ctx)
        .where("sales.created_at", "is not", null)
        .$if(cursor !== null, (qb) =>
          // The first bound alone is an index range on (created_at, id); the OR only trims the ties.
          qb.where("sales.created_at", "<=", cursor!.createdAt).where((eb) => eb.or([eb("sales.created_at", "<", cursor!.createdAt), eb("sales.id", "<", cursor!.id)])),
        )
        .orderBy("sales.created_at", "desc")
        .orderBy("sales.id", "desc")
        .limit(batch),
    );
    if (rows.length > 0) yield rows;
    if (rows.length < batch) break;
    const last = rows[rows.length - 1];
    after = { createdAt: String(last[AT.created_at]), id: String(last[AT.id]) };
  }
  let afterId: string | null = null;
  for (;;) {
    const cursorId: string | null = afterId;
    const rows = await read(
      salesBase(db, filters, ctx)
        .where("sales.created_at", "is", null)
        .$if(cursorId !== null, (qb) => qb.where("sales.id", "<", cursorId!))
        .orderBy("sales.id", "desc")
        .limit(batch),
    );
    if (rows.length > 0) yield rows;
    if (rows.length < batch) break;
    afterId = String(rows[rows.length - 1][AT.id]);
  }
}

/** The same rows one by one as objects (for callers that want names, not positions). */
export async function* iterateSalesForExport(db: Kysely<Database>, filters: SalesFilters, ctx: SalesQueryContext, batch = EXPORT_BATCH): AsyncGenerator<ExportRow> {
  for await (const rows of iterateSaleBatchesForExport(db, filters, ctx, batch)) {
    for (const values of rows) yield Object.fromEntries(SALE_EXPORT_READ.map((c, i) => [c, values[i]])) as ExportRow;
  }
}

type SalesQuery = ReturnType<typeof salesBase>;

async function readBatch(query: SalesQuery): Promise<ExportValues[]> {
  const rows = await query.select([...SALE_EXPORT_READ]).execute();
  return rows.map((r) => SALE_EXPORT_READ.map((c) => (r as Record<string, unknown>)[c]));
}

/**
 * SQLite: each row as one json_array(...) text, parsed back in JS. better-sqlite3 builds a 33-key object
 * per row otherwise, which was most of the export's time (bench/README.md "Sales table"). Its `.raw()`
 * value arrays (run on Kysely's connection) were measured too: no faster than this (1.69 vs 1.56 s of CPU
 * per 400,000 rows), so the export keeps going through Kysely alone.
 */
async function readBatchAsJsonArrays(query: SalesQuery): Promise<ExportValues[]> {
  const columns = sql.join(SALE_EXPORT_READ.map((c) => sql.ref(`sales.${c}`)));
  const rows = await query.select(sql<string>`json_array(${columns})`.as("r")).execute();
  return rows.map(({ r }) => JSON.parse(r) as ExportValues);
}

export type SalesExportRequest = {
  filters: SalesFilters;
  preset: CsvPreset;
  timeZone: string;
  labels: Record<SaleExportColumn, string>;
  /** Null for the system (scripts, benches): every column. */
  actor: Actor | null;
  /** What the audit log says was exported ("sales", "customer"). */
  scope?: string;
  filename?: string;
};

/** The streamed CSV response; the audit entry (rows sent, completed or not) is written when it ends. */
export function exportSalesCsv(db: Kysely<Database>, request: SalesExportRequest, ctx: SalesQueryContext): Response {
  const { preset, timeZone } = request;
  const filters = filtersOf(request.filters);
  // The positions of the columns this actor may see; null: all of them (no copy per row).
  const kept = request.actor === null || seesFinancials(request.actor.role) ? null : SALE_EXPORT_COLUMNS.flatMap((c, i) => (FINANCIAL_SALE_EXPORT_COLUMNS.has(c) ? [] : [i]));
  const header = saleExportHeader(request.labels, timeZone);
  async function* records(): AsyncGenerator<CsvText> {
    for await (const batch of iterateSaleBatchesForExport(db, filters, ctx)) {
      for (let at = 0; at < batch.length; at += RECORDS_PER_CHUNK) {
        const rows = batch.slice(at, at + RECORDS_PER_CHUNK);
        yield { text: saleExportRecords(rows, preset, timeZone, kept), rows: rows.length };
      }
    }
  }
  const filename = request.filename ?? `sales-${new Date().toISOString().slice(0, 10)}.csv`;
  return csvResponse(filename, kept ? kept.map((i) => header[i]) : header, records(), preset, {
    formatted: true,
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, {
        actor: request.actor,
        action: "sales.export",
        target: request.scope ?? "sales",
        details: { filters, rows: rowCount, preset, completed },
      });
    },
  });
}
