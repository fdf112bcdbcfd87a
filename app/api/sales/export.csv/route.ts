// GET /api/sales/export.csv: every sale of the view's filter as CSV (sales:read and export:csv; support may not).
// French interface → Excel (French) preset, English → standard; `?preset=` overrides.
import { csvExportRoute } from "@/lib/csv/export-route";
import { exportSalesCsv, salesContext } from "@/lib/sales";
import { SALE_EXPORT_COLUMNS } from "@/lib/sales/export-sales";
import { salesFiltersSchema } from "@/lib/sales/schemas";

export const GET = csvExportRoute({ exportOf: "sales:read", schema: salesFiltersSchema }, async ({ db, input: filters, preset, labels, actor }) => {
  const ctx = await salesContext(db);
  const scope = filters.customer ? `customer:${filters.customer}` : "sales";
  return exportSalesCsv(db, { filters, preset, timeZone: ctx.timeZone, labels: await labels("Export.columns", SALE_EXPORT_COLUMNS), actor, scope }, ctx);
});
