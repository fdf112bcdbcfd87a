// GET /api/settlements/export.csv?currency&day&preset: one payout's sales as CSV (settlements:read and export:csv; audited).
import { csvExportRoute } from "@/lib/csv/export-route";
import { PAYOUT_SALE_EXPORT_COLUMNS, exportPayoutSalesCsv, payoutGroupSchema } from "@/lib/settlements";

export const GET = csvExportRoute({ exportOf: "settlements:read", schema: payoutGroupSchema }, async ({ db, input, preset, timeZone, labels, actor }) =>
  exportPayoutSalesCsv(db, { currency: input.currency, dueDay: input.day, preset, timeZone, labels: await labels("Exports.payoutSales", PAYOUT_SALE_EXPORT_COLUMNS), actor }),
);
