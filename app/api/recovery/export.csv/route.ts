// GET /api/recovery/export.csv?ids&from&to&preset: the selected leads as CSV (recovery:read and export:csv, so not support; audited).
import { z } from "zod";
import { csvExportRoute } from "@/lib/csv/export-route";
import { checkDayRange, dayRangeFields } from "@/lib/http/query-fragments";
import { LEAD_EXPORT_COLUMNS, defaultLeadRange, exportLeadsCsv } from "@/lib/recovery";

const query = z
  .object({
    ids: z.string().min(1).transform((s) => s.split(",").filter(Boolean)).pipe(z.array(z.string().min(1).max(100)).min(1).max(500)),
    ...dayRangeFields,
  })
  .superRefine(checkDayRange);

export const GET = csvExportRoute({ exportOf: "recovery:read", schema: query }, async ({ db, input, preset, timeZone, labels, actor }) => {
  const fallback = defaultLeadRange(timeZone);
  const range = { from: input.from ?? fallback.from, to: input.to ?? fallback.to };
  return exportLeadsCsv(db, { saleIds: input.ids, range, preset, timeZone, labels: await labels("Exports.recoveryLeads", LEAD_EXPORT_COLUMNS), actor });
});
