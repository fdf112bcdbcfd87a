// CSV of the sales behind one payout (the timeline's drill-down), under the shared export rules
// (lib/csv: presets, money as decimals, instants with their zone, header in the member's language from
// messages Exports.payoutSales, values as codes); audited as `settlements.export`.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { instantCell, moneyCell, headerRow } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";
import type { LocalDay } from "@/lib/time";
import { listPayoutSales } from "./list-settlements";

export const PAYOUT_SALE_EXPORT_COLUMNS = ["saleId", "status", "product", "customerEmail", "completedAt", "gross", "gatewayFee", "serviceFee", "net", "currency", "dueAt", "doneAt", "overdue"] as const;
export type PayoutSaleExportColumn = (typeof PAYOUT_SALE_EXPORT_COLUMNS)[number];

export async function exportPayoutSalesCsv(
  db: Kysely<Database>,
  req: { currency: string; dueDay: LocalDay; preset: CsvPreset; timeZone: string; labels: Record<PayoutSaleExportColumn, string>; actor: Actor },
): Promise<Response> {
  const sales = await listPayoutSales(db, { currency: req.currency, dueDay: req.dueDay }, req.timeZone);
  const header = headerRow(PAYOUT_SALE_EXPORT_COLUMNS, req.labels, req.timeZone, ["completedAt", "dueAt", "doneAt"]);
  const rows = sales.map((s) => [
    s.id, s.status, s.productName, s.customerEmail, instantCell(s.completedAt, req.timeZone),
    moneyCell(s.amount, s.currency, req.preset), moneyCell(s.gatewayFee, s.currency, req.preset), moneyCell(s.serviceFee, s.currency, req.preset), moneyCell(s.net, s.currency, req.preset),
    s.currency, instantCell(s.dueAt, req.timeZone), instantCell(s.doneAt, req.timeZone), s.overdue ? "yes" : "no",
  ]);
  return csvResponse(`payout-${req.currency}-${req.dueDay}.csv`, header, rows, req.preset, {
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "settlements.export", target: `${req.currency}:${req.dueDay}`, details: { rows: rowCount, preset: req.preset, completed } });
    },
  });
}
