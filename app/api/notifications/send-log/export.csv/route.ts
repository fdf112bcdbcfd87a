// GET /api/notifications/send-log/export.csv?preset: the whole notification send log as CSV (settings:read
// and export:csv — owners and admins), audited as `notifications.send_log.export`. Never a message's body.
import { csvExportRoute } from "@/lib/csv/export-route";
import { exportSendLogCsv, SEND_LOG_EXPORT_COLUMNS } from "@/lib/notifications/send-log";

export const GET = csvExportRoute({ exportOf: "settings:read" }, async ({ db, preset, timeZone, labels, translator, actor }) =>
  exportSendLogCsv(db, { preset, timeZone, labels: await labels("NotificationsPage.sendLog.csv", SEND_LOG_EXPORT_COLUMNS), webhookLabel: (await translator("NotificationsPage.sendLog"))("webhook"), actor }),
);
