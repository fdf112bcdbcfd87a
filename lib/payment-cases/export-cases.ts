// The cases as CSV (issue 20: "cases listed and exported"): one row per case of the list's filter, last
// changed first, headers in the member's language; cells hold codes as every export does (status, failure
// code, payment method: the same rows in either language, docs/export.md), money in the preset's decimals,
// instants in the store's zone (the header names it). Under the shared export rules (presets, BOM, formula-safe
// cells); audited as `payment_cases.export`.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { headerRow, instantCell, moneyCell } from "@/lib/csv/cells";
import { csvResponse, type CsvCell, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db/schema";
import { listCases, type PaymentCase } from "./cases";
import type { CaseFilter } from "./schemas";

export const CASE_EXPORT_COLUMNS = [
  "caseId",
  "status",
  "saleId",
  "product",
  "saleAmount",
  "saleCurrency",
  "failure",
  "paymentMethod",
  "customerEmail",
  "operatorReference",
  "smsText",
  "amountDebited",
  "debitedCurrency",
  "debitedOn",
  "debitedTime",
  "note",
  "openedBy",
  "createdAt",
  "updatedAt",
  "sentAt",
  "resolvedAt",
] as const;
export type CaseExportColumn = (typeof CASE_EXPORT_COLUMNS)[number];
const INSTANT_COLUMNS: readonly CaseExportColumn[] = ["createdAt", "updatedAt", "sentAt", "resolvedAt"];

// Far more than a store's cases; the export is read in one query.
const MAX_ROWS = 100_000;

export function caseRow(c: PaymentCase, ctx: { preset: CsvPreset; timeZone: string }): CsvCell[] {
  const { preset, timeZone } = ctx;
  return [
    c.id,
    c.status,
    c.saleId,
    c.sale.productName,
    c.sale.amount ? moneyCell(c.sale.amount.minor, c.sale.amount.currency, preset) : null,
    c.sale.amount?.currency ?? null,
    c.sale.failureCode,
    c.sale.paymentMethod,
    c.sale.customerEmail,
    c.operatorReference,
    c.smsText,
    moneyCell(c.amountDebited.minor, c.amountDebited.currency, preset),
    c.amountDebited.currency,
    c.debitedOn,
    c.debitedTime,
    c.note,
    c.openedBy,
    instantCell(c.createdAt, timeZone),
    instantCell(c.updatedAt, timeZone),
    instantCell(c.sentAt, timeZone),
    instantCell(c.resolvedAt, timeZone),
  ];
}

export async function exportCasesCsv(
  db: Kysely<Database>,
  req: { status: CaseFilter; preset: CsvPreset; timeZone: string; labels: Record<CaseExportColumn, string>; actor: Actor; day: string },
): Promise<Response> {
  const cases = await listCases(db, { status: req.status, limit: MAX_ROWS, offset: 0 });
  const header = headerRow(CASE_EXPORT_COLUMNS, req.labels, req.timeZone, INSTANT_COLUMNS);
  return csvResponse(`payment-cases-${req.day}.csv`, header, cases.map((c) => caseRow(c, req)), req.preset, {
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "payment_cases.export", details: { status: req.status, rows: rowCount, preset: req.preset, completed } });
    },
  });
}
