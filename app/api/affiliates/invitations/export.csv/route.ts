// GET /api/affiliates/invitations/export.csv: the filtered invitations as CSV (affiliates:read and export:csv), audited.
import { INVITATION_EXPORT_COLUMNS, exportInvitationsCsv } from "@/lib/affiliates/export";
import { invitationsFilterSchema } from "@/lib/affiliates/queries";
import { csvExportRoute } from "@/lib/csv/export-route";

export const GET = csvExportRoute({ exportOf: "affiliates:read", schema: invitationsFilterSchema }, async ({ db, input, preset, timeZone, labels, actor }) =>
  exportInvitationsCsv(db, input, { preset, timeZone, labels: await labels("Exports.invitations", INVITATION_EXPORT_COLUMNS), actor }),
);
