// GET /api/audit/export.csv?action&before&preset: every audit entry of the filter as CSV (audit:read and
// export:csv — owners and admins), audited as `audit.export`. `?preset=` overrides the language's default.
import { auditFilterSchema } from "@/lib/audit";
import { AUDIT_EXPORT_COLUMNS, exportAuditCsv } from "@/lib/audit/export-audit";
import { csvHeaderLabels } from "@/lib/csv/export-labels";
import { csvPresetSchema } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

const query = auditFilterSchema.extend({ preset: csvPresetSchema.optional() });

export const GET = route({ exportOf: "audit:read", schema: query }, async ({ input, actor }) => {
  const db = await getDb();
  const { preset, ...filter } = input;
  const { labels, defaultPreset } = await csvHeaderLabels("audit", AUDIT_EXPORT_COLUMNS);
  return exportAuditCsv(db, { filter, preset: preset ?? defaultPreset, timeZone: await getStoreTimeZone(db), labels, actor });
});
