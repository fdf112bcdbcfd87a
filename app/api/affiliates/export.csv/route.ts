// GET /api/affiliates/export.csv: the known affiliates with their attributed sales per currency over the range (CSV, audited).
import { AFFILIATE_EXPORT_COLUMNS, exportKnownAffiliatesCsv } from "@/lib/affiliates/export";
import { knownAffiliatesFilterSchema } from "@/lib/affiliates/queries";
import { csvExportRoute } from "@/lib/csv/export-route";

export const GET = csvExportRoute({ exportOf: "affiliates:read", schema: knownAffiliatesFilterSchema }, async ({ db, input, preset, timeZone, labels, actor }) =>
  exportKnownAffiliatesCsv(db, input, { preset, timeZone, labels: await labels("Exports.affiliates", AFFILIATE_EXPORT_COLUMNS), actor }),
);
