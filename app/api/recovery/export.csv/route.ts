// GET /api/recovery/export.csv?ids&from&to&preset: the selected leads as CSV (recovery:read and export:csv, so not support; audited).
import { z } from "zod";
import { csvPresetSchema, defaultPresetFor } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { checkDayRange, dayRangeFields } from "@/lib/http/query-fragments";
import { route } from "@/lib/http/route";
import { currentLocale } from "@/lib/i18n/request";
import { defaultLeadRange, exportLeadsCsv } from "@/lib/recovery";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

const query = z
  .object({
    ids: z.string().min(1).transform((s) => s.split(",").filter(Boolean)).pipe(z.array(z.string().min(1).max(100)).min(1).max(500)),
    ...dayRangeFields,
    preset: csvPresetSchema.optional(),
  })
  .superRefine(checkDayRange);

export const GET = route({ exportOf: "recovery:read", schema: query }, async ({ input, actor }) => {
  const db = await getDb();
  const timeZone = await getStoreTimeZone(db);
  const fallback = defaultLeadRange(timeZone);
  const preset = input.preset ?? defaultPresetFor(await currentLocale());
  return exportLeadsCsv(db, { saleIds: input.ids, range: { from: input.from ?? fallback.from, to: input.to ?? fallback.to }, preset, timeZone, actor });
});
