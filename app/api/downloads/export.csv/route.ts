// GET /api/downloads/export.csv?list&days&threshold&preset: one Downloads list as CSV (fulfilment:read and
// export:csv, so not support; audited).
import { defaultPresetFor } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { downloadsExportSchema, exportDownloadsCsv } from "@/lib/downloads";
import { route } from "@/lib/http/route";
import { currentLocale } from "@/lib/i18n/request";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export const GET = route({ exportOf: "fulfilment:read", schema: downloadsExportSchema }, async ({ input, actor }) => {
  const db = await getDb();
  const preset = input.preset ?? defaultPresetFor(await currentLocale());
  return exportDownloadsCsv(db, { list: input.list, query: { days: input.days, threshold: input.threshold }, preset, timeZone: await getStoreTimeZone(db), actor });
});
