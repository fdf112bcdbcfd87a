// CSV of selected recovery leads (bulk selection on the worklist) under the shared export rules (header
// in the member's language from messages Exports.recoveryLeads, values as codes); audited as
// `recovery.export` with the selected ids.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { instantCell, moneyCell, headerRow } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";
import { listLeads, type LeadRange } from "./worklist";

export const LEAD_EXPORT_COLUMNS = [
  "saleId", "status", "failedOrAbandonedAt", "customerName", "customerEmail", "product", "amount", "currency", "failureCategory", "failureCode", "failureMessage",
  "channel", "recoveryLink", "state", "note", "assignedTo", "recoveredBySale", "recoveredAmount", "recoveredCurrency",
] as const;
export type LeadExportColumn = (typeof LEAD_EXPORT_COLUMNS)[number];

export async function exportLeadsCsv(
  db: Kysely<Database>,
  req: { saleIds: string[]; range: LeadRange; preset: CsvPreset; timeZone: string; labels: Record<LeadExportColumn, string>; actor: Actor },
): Promise<Response> {
  const wanted = new Set(req.saleIds);
  const leads = (await listLeads(db, req.range)).filter((l) => wanted.has(l.saleId));
  const header = headerRow(LEAD_EXPORT_COLUMNS, req.labels, req.timeZone, ["failedOrAbandonedAt"]);
  const rows = leads.map((l) => [
    l.saleId, l.status, instantCell(l.at || null, req.timeZone), l.customerName, l.customerEmail, l.productName, moneyCell(l.amount, l.currency, req.preset), l.currency,
    l.category, l.failureCode, l.failureMessage, l.channel, l.checkoutUrl, l.state, l.note, l.assignedTo, l.recovered?.saleId ?? null, l.recovered ? moneyCell(l.recovered.amount, l.recovered.currency, req.preset) : null,
    // The payment's own currency: a lead may be recovered by a payment in another currency than its own.
    l.recovered?.currency ?? null,
  ]);
  return csvResponse(`recovery-leads-${req.range.from}-${req.range.to}.csv`, header, rows, req.preset, {
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "recovery.export", target: "recovery", details: { saleIds: req.saleIds, range: req.range, rows: rowCount, preset: req.preset, completed } });
    },
  });
}
