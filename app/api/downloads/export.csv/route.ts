// GET /api/downloads/export.csv?list&days&threshold&preset: one Downloads list as CSV (fulfilment:read and
// export:csv, so not support; audited).
import { csvExportRoute } from "@/lib/csv/export-route";
import { DOWNLOAD_EXPORT_COLUMNS, downloadsExportSchema, exportDownloadsCsv } from "@/lib/downloads";

export const GET = csvExportRoute({ exportOf: "fulfilment:read", schema: downloadsExportSchema }, async ({ db, input, preset, timeZone, labels, actor }) =>
  exportDownloadsCsv(db, { list: input.list, query: { days: input.days, threshold: input.threshold }, preset, timeZone, labels: await labels("Exports.downloads", DOWNLOAD_EXPORT_COLUMNS), actor }),
);
