// CSV export of the Revenue page's tables (DESIGN §3 export rules): all rows of the table for the range
// and currency, money as a decimal in the currency's own units next to a currency column, the header in
// the member's language (labels from lib/analytics/export-labels.ts, docs/export.md), and an audit entry
// saying who exported what and how many rows. Values stay machine-readable codes (ids, `new`/`returning`).
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { decimalCell, moneyCell, type CsvCell } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";
import type { RangeParams } from "./date-range";
import { resolveStoreRange, type AnalyticsContext } from "./overview";
import type { RevenueTable } from "./query-schemas";
import { getBreakdown, getCustomerSplit } from "./revenue";
import type { BreakdownDimension } from "./schemas";

/** A breakdown's columns after its key column (the dimension's value: product id, channel code…), in file order. */
export const BREAKDOWN_EXPORT_COLUMNS = ["name", "paidSales", "revenue", "discountGiven", "averageDiscount", "attempts", "revenueShare", "currency"] as const;
/** New vs returning customers' columns, in file order. */
export const CUSTOMER_EXPORT_COLUMNS = ["customerKind", "customers", "paidSales", "revenue", "currency"] as const;
export type RevenueExportColumn = (typeof BREAKDOWN_EXPORT_COLUMNS)[number] | (typeof CUSTOMER_EXPORT_COLUMNS)[number];

/** Header labels in one language: the key column per breakdown, and the shared columns. */
export type RevenueExportLabels = { keys: Record<BreakdownDimension, string>; columns: Record<RevenueExportColumn, string> };

export function revenueExportHeader(table: RevenueTable, labels: RevenueExportLabels): string[] {
  if (table === "customers") return CUSTOMER_EXPORT_COLUMNS.map((c) => labels.columns[c]);
  return [labels.keys[table], ...BREAKDOWN_EXPORT_COLUMNS.map((c) => labels.columns[c])];
}

/** Header and rows of one Revenue table, ready for CSV. */
export async function revenueTableRows(
  db: Kysely<Database>,
  table: RevenueTable,
  params: RangeParams & { currency: string },
  preset: CsvPreset,
  ctx: AnalyticsContext & { labels: RevenueExportLabels },
): Promise<{ header: string[]; rows: CsvCell[][]; range: { from: string; to: string } }> {
  const range = await resolveStoreRange(db, params, ctx);
  const { currency } = params;
  const header = revenueExportHeader(table, ctx.labels);
  if (table === "customers") {
    const split = await getCustomerSplit(db, range, currency, ctx.timeZone);
    return {
      range,
      header,
      rows: split.customers.map((c) => [c.kind, c.customers, c.paidCount, moneyCell(c.revenue, currency, preset), currency]),
    };
  }
  const breakdown = await getBreakdown(db, table, range, currency);
  return {
    range,
    header,
    rows: breakdown.rows.map((r) => [
      r.key, r.label, r.paidCount, moneyCell(r.revenue, currency, preset), moneyCell(r.discounts, currency, preset),
      moneyCell(r.averageDiscount, currency, preset), r.attempts, decimalCell(r.share === null ? null : Math.round(r.share * 10_000) / 10_000, preset), currency,
    ]),
  };
}

export async function exportRevenueTable(
  db: Kysely<Database>,
  table: RevenueTable,
  params: RangeParams & { currency: string; preset: CsvPreset },
  ctx: AnalyticsContext & { actor: Actor; labels: RevenueExportLabels },
): Promise<Response> {
  const { header, rows, range } = await revenueTableRows(db, table, params, params.preset, ctx);
  const filter = { ...range, currency: params.currency, timeZone: ctx.timeZone };
  // Audited when the stream ends, with the rows actually sent (a download cut short says so).
  return csvResponse(`revenue-${table}-${params.currency}-${range.from}_${range.to}.csv`, header, rows, params.preset, {
    onEnd: ({ rowCount, completed }) =>
      recordAudit(db, {
        actor: ctx.actor,
        action: "analytics.export",
        target: `revenue.${table}`,
        details: { filter, preset: params.preset, rows: rowCount, completed },
      }),
  });
}
