// GET /api/audit/export.csv?action&before&preset: every audit entry of the filter as CSV (audit:read and
// export:csv — owners and admins), audited as `audit.export`. `?preset=` overrides the language's default.
import { auditFilterSchema } from "@/lib/audit";
import { AUDIT_EXPORT_COLUMNS, exportAuditCsv } from "@/lib/audit/export-audit";
import { csvExportRoute } from "@/lib/csv/export-route";

export const GET = csvExportRoute({ exportOf: "audit:read", schema: auditFilterSchema }, async ({ db, input, preset, timeZone, labels, actor }) =>
  exportAuditCsv(db, { filter: input, preset, timeZone, labels: await labels("csv.audit", AUDIT_EXPORT_COLUMNS), actor }),
);
