// CSV export of every sale of a filter (DESIGN §3 export rules): rows read from the mirror in keyset
// batches (constant memory, no OFFSET that slows down with depth, no row cap), formatted by lib/csv, and
// an audit entry (who, which filter, how many rows) once the stream has ended. Status and channel values
// stay Chariow's codes (stable for scripts); the header is in the user's language.
import "server-only";
import { sql, type Kysely, type Selectable } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { moneyCell, instantCell, decimalCell, withTimeZone, type CsvCell } from "@/lib/csv/cells";
import { csvResponse } from "@/lib/csv/csv-stream";
import type { CsvPreset } from "@/lib/csv/presets";
import type { Database, SalesTable } from "@/lib/db";
import { salesBase, type SalesQueryContext } from "./sales-query";
import { filtersOf, type SalesFilters } from "./schemas";

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

const SELECTED = [
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
  "payment_method_name",
  "payment_transaction_id",
  "exchange_rate",
  "failure_code",
  "failure_message",
  "store_affiliate_code",
] as const satisfies ReadonlyArray<keyof SalesTable>;
type ExportRow = Pick<Selectable<SalesTable>, (typeof SELECTED)[number]>;

/** Rows per query: each batch is garbage once written, so the heap stays small (bench/README.md). */
export const EXPORT_BATCH = 2000;

export function saleExportHeader(labels: Record<SaleExportColumn, string>, timeZone: string): string[] {
  return SALE_EXPORT_COLUMNS.map((c) => (INSTANT_COLUMNS.has(c) ? withTimeZone(labels[c], timeZone) : labels[c]));
}

export function saleExportRow(r: ExportRow, preset: CsvPreset, timeZone: string): CsvCell[] {
  const settlementCurrency = r.settlement_currency ?? r.currency;
  return [
    r.id,
    instantCell(r.created_at, timeZone),
    r.status,
    r.payment_status,
    r.customer_id,
    r.customer_name,
    r.customer_email,
    r.product_id,
    r.product_name,
    r.channel,
    r.currency,
    moneyCell(r.original_amount, r.currency, preset),
    moneyCell(r.discount_amount, r.currency, preset),
    moneyCell(r.amount, r.currency, preset),
    moneyCell(r.gateway_fee, r.gateway_fee_currency ?? r.currency, preset),
    moneyCell(r.service_fee, settlementCurrency, preset),
    moneyCell(r.settlement_net, settlementCurrency, preset),
    r.settlement_net === null && r.service_fee === null ? null : settlementCurrency,
    instantCell(r.completed_at, timeZone),
    instantCell(r.settlement_due_at, timeZone),
    instantCell(r.settlement_done_at, timeZone),
    r.discount_code,
    r.campaign_name,
    r.shipping_country ?? r.context_country,
    r.payment_gateway,
    r.payment_method_name,
    r.payment_transaction_id,
    decimalCell(r.exchange_rate, preset),
    r.failure_code,
    r.failure_message,
    r.store_affiliate_code,
  ];
}

/**
 * Every sale of the filter, newest first, by keyset on (created_at, id): each batch starts after the last
 * row of the previous one, so the cost per row is flat at any depth. Sales without a created_at (a
 * payload that omitted it, chariow-api.md §5) follow, by id — the engines order NULLs differently, so
 * they are read as their own pass rather than trusted to an ORDER BY.
 */
export async function* iterateSalesForExport(db: Kysely<Database>, filters: SalesFilters, queryCtx: SalesQueryContext, batch = EXPORT_BATCH): AsyncGenerator<ExportRow> {
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
    yield* rows;
    if (rows.length < batch) break;
    const last = rows[rows.length - 1];
    after = { createdAt: last.created_at!, id: last.id };
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
    yield* rows;
    if (rows.length < batch) break;
    afterId = rows[rows.length - 1].id;
  }
}

type SalesQuery = ReturnType<typeof salesBase>;

async function readBatch(query: SalesQuery): Promise<ExportRow[]> {
  return query.select([...SELECTED]).execute();
}

/**
 * SQLite: each row as one json_array(...) text, parsed back in JS. better-sqlite3 builds a 33-key object
 * per row otherwise, which was most of the export's time (bench/README.md "Sales table": 2.6× faster).
 */
async function readBatchAsJsonArrays(query: SalesQuery): Promise<ExportRow[]> {
  const columns = sql.join(SELECTED.map((c) => sql.ref(`sales.${c}`)));
  const rows = await query.select(sql<string>`json_array(${columns})`.as("r")).execute();
  return rows.map(({ r }) => {
    const values = JSON.parse(r) as unknown[];
    const row: Record<string, unknown> = {};
    for (let i = 0; i < SELECTED.length; i++) row[SELECTED[i]] = values[i];
    return row as ExportRow;
  });
}

export type SalesExportRequest = {
  filters: SalesFilters;
  preset: CsvPreset;
  timeZone: string;
  labels: Record<SaleExportColumn, string>;
  actor: Actor | null;
  /** What the audit log says was exported ("sales", "customer"). */
  scope?: string;
  filename?: string;
};

/** The streamed CSV response; the audit entry (rows sent, completed or not) is written when it ends. */
export function exportSalesCsv(db: Kysely<Database>, request: SalesExportRequest, ctx: SalesQueryContext): Response {
  const { preset, timeZone } = request;
  const filters = filtersOf(request.filters);
  async function* rows() {
    for await (const r of iterateSalesForExport(db, filters, ctx)) yield saleExportRow(r, preset, timeZone);
  }
  const filename = request.filename ?? `sales-${new Date().toISOString().slice(0, 10)}.csv`;
  return csvResponse(filename, saleExportHeader(request.labels, timeZone), rows(), preset, {
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
