// GET /api/analytics/revenue/{table}/export.csv: one Revenue table as CSV (analytics:read and export:csv, audited). Header in
// the member's language (Analytics.export); French interface → Excel (French) preset, English → standard; `?preset=` overrides.
import { exportRevenueTable } from "@/lib/analytics/export";
import { revenueExportLabelsFrom } from "@/lib/analytics/export-labels";
import { revenueExportQuerySchema, revenueTableParamsSchema } from "@/lib/analytics/query-schemas";
import { csvExportRoute } from "@/lib/csv/export-route";

export const GET = csvExportRoute(
  { exportOf: "analytics:read", schema: revenueExportQuerySchema, params: revenueTableParamsSchema },
  async ({ db, input, params, preset, timeZone, translator, actor }) =>
    exportRevenueTable(db, params.table, { ...input, preset }, { timeZone, actor, labels: revenueExportLabelsFrom(await translator("Analytics.export")) }),
);
