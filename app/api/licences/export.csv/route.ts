// GET /api/licences/export.csv?status&product&expiringWithinDays&keys&preset: the filtered licences as CSV
// (fulfilment:read and export:csv, so not support). keys=clear also needs licences:keys (owner/admin):
// 403 otherwise, never a silent fallback to masked keys. Audited as licences.export.
import { can } from "@/lib/auth/permissions";
import { defaultPresetFor } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { currentLocale } from "@/lib/i18n/request";
import { exportLicencesCsv, licencesExportSchema } from "@/lib/licences";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export const GET = route({ exportOf: "fulfilment:read", schema: licencesExportSchema }, async ({ input, actor, member }) => {
  if (input.keys === "clear" && !can(member.role, "licences:keys")) throw new ForbiddenError("Only owners and admins export licence keys in clear");
  const db = await getDb();
  const { keys, preset, ...query } = input;
  return exportLicencesCsv(db, { query, keys, preset: preset ?? defaultPresetFor(await currentLocale()), timeZone: await getStoreTimeZone(db), actor });
});
