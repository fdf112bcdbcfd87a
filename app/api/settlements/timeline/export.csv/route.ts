// GET /api/settlements/timeline/export.csv?from&to&preset: the payout timeline of the range as CSV
// (settlements:read and export:csv, like the drill-down's export), audited as `settlements.timeline.export`.
import { csvExportRoute } from "@/lib/csv/export-route";
import { exportPayoutsCsv, PAYOUT_EXPORT_COLUMNS, resolveSettlementRange, settlementRangeSchema } from "@/lib/settlements";

export const GET = csvExportRoute({ exportOf: "settlements:read", schema: settlementRangeSchema }, async ({ db, input, preset, timeZone, labels, actor }) =>
  exportPayoutsCsv(db, { range: resolveSettlementRange(input, timeZone), preset, timeZone, labels: await labels("csv.payouts", PAYOUT_EXPORT_COLUMNS), actor }),
);
