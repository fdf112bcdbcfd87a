// GET /api/payments/export.csv: the Payments view's method × country table as CSV (analytics:read and
// export:csv, audited). Header in the member's language (Payments.export); French → Excel (French) preset.
import { csvExportRoute } from "@/lib/csv/export-route";
import { PAYMENTS_EXPORT_COLUMNS, exportPayments } from "@/lib/payments/export";
import { paymentsQuerySchema } from "@/lib/payments/schemas";

export const GET = csvExportRoute({ exportOf: "analytics:read", schema: paymentsQuerySchema }, async ({ db, input, preset, timeZone, labels, translator, actor, locale }) =>
  exportPayments(db, { ...input, preset }, { timeZone, actor, labels: await labels("Payments.export", PAYMENTS_EXPORT_COLUMNS), codes: await translator("Codes"), locale }),
);
