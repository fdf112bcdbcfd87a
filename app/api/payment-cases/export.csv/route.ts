// GET /api/payment-cases/export.csv?status&preset: the cases of the list's filter as CSV (cases:read and
// export:csv — not support), headers in the member's language, audited as payment_cases.export.
import { csvExportRoute } from "@/lib/csv/export-route";
import { CASE_EXPORT_COLUMNS, exportCasesCsv, exportCasesQuerySchema } from "@/lib/payment-cases";
import { today } from "@/lib/time";

export const GET = csvExportRoute({ exportOf: "cases:read", schema: exportCasesQuerySchema }, async ({ db, input, preset, timeZone, labels, actor }) =>
  exportCasesCsv(db, { status: input.status, preset, timeZone, labels: await labels("PaymentCases.csv", CASE_EXPORT_COLUMNS), actor, day: today(timeZone) }),
);
