// GET /api/licences/export.csv?status&product&expiringWithinDays&keys&preset: the filtered licences as CSV
// (fulfilment:read and export:csv, so not support). keys=clear also needs licences:keys (owner/admin):
// 403 otherwise, never a silent fallback to masked keys. Audited as licences.export.
import { can } from "@/lib/auth/permissions";
import { csvExportRoute } from "@/lib/csv/export-route";
import { ForbiddenError } from "@/lib/errors";
import { LICENCE_EXPORT_COLUMNS, exportLicencesCsv, licencesExportSchema } from "@/lib/licences";

export const GET = csvExportRoute({ exportOf: "fulfilment:read", schema: licencesExportSchema }, async ({ db, input, member, preset, timeZone, labels, actor }) => {
  if (input.keys === "clear" && !can(member.role, "licences:keys")) throw new ForbiddenError("Only owners and admins export licence keys in clear");
  const { keys, ...query } = input;
  return exportLicencesCsv(db, { query, keys, preset, timeZone, labels: await labels("Exports.licences", LICENCE_EXPORT_COLUMNS), actor });
});
