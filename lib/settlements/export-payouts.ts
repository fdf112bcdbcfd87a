// The payout timeline of a range as CSV (one line per currency × local due day, as on /settlements),
// under the shared export rules (lib/csv); audited as `settlements.timeline.export`. The groups of a
// range are few (days × currencies), so they are built in memory like the page's.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { instantCell, moneyCell, withTimeZone } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";
import { listSettlements, type SettlementRange } from "./list-settlements";

export const PAYOUT_EXPORT_COLUMNS = ["dueDay", "currency", "status", "dueAt", "doneAt", "sales", "settledSales", "incompleteSales", "gross", "net", "deducted", "gatewayFee", "serviceFee"] as const;
export type PayoutExportColumn = (typeof PAYOUT_EXPORT_COLUMNS)[number];

export type PayoutsExportRequest = { range: SettlementRange; preset: CsvPreset; timeZone: string; labels: Record<PayoutExportColumn, string>; actor: Actor; now?: Date };

export async function exportPayoutsCsv(db: Kysely<Database>, req: PayoutsExportRequest): Promise<Response> {
  const { labels, timeZone: tz, preset } = req;
  const { groups } = await listSettlements(db, req.range, tz, req.now);
  const header = [withTimeZone(labels.dueDay, tz), labels.currency, labels.status, withTimeZone(labels.dueAt, tz), withTimeZone(labels.doneAt, tz), labels.sales, labels.settledSales, labels.incompleteSales, labels.gross, labels.net, labels.deducted, labels.gatewayFee, labels.serviceFee];
  // Sums leave out the incomplete sales (never guessed as 0), exactly as the page shows them; the net is
  // Chariow's settlement amount and the fees are as reported (an empty cell: not known for every sale).
  const rows = groups.map((g) => [
    g.dueDay, g.currency, g.status, instantCell(g.dueAt, tz), instantCell(g.doneAt, tz), g.salesCount, g.settledCount, g.incompleteCount,
    moneyCell(g.gross, g.currency, preset), moneyCell(g.net, g.currency, preset), moneyCell(g.deducted, g.currency, preset),
    moneyCell(g.gatewayFee, g.currency, preset), moneyCell(g.serviceFee, g.currency, preset),
  ]);
  return csvResponse(`payouts-${req.range.from}-${req.range.to}.csv`, header, rows, preset, {
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "settlements.timeline.export", details: { filter: req.range, rows: rowCount, preset, completed } });
    },
  });
}
