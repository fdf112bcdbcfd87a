// GET /api/pulses/log/export.csv?preset: the whole Pulse delivery log as CSV (settings:read and
// export:csv — owners and admins), metadata only, audited as `pulses.log.export`.
import { csvExportRoute } from "@/lib/csv/export-route";
import { exportPulseLogCsv, PULSE_LOG_EXPORT_COLUMNS } from "@/lib/pulses/export-pulse-log";

export const GET = csvExportRoute({ exportOf: "settings:read" }, async ({ db, preset, timeZone, labels, actor }) =>
  exportPulseLogCsv(db, { preset, timeZone, labels: await labels("csv.pulseLog", PULSE_LOG_EXPORT_COLUMNS), actor }),
);
