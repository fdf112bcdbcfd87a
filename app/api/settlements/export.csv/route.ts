// GET /api/settlements/export.csv?currency&day&preset: one payout's sales as CSV (settlements:read and export:csv; audited).
import { csvPresetSchema, defaultPresetFor } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { currentLocale } from "@/lib/i18n/request";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { exportPayoutSalesCsv, payoutGroupSchema } from "@/lib/settlements";

export const GET = route({ exportOf: "settlements:read", schema: payoutGroupSchema.extend({ preset: csvPresetSchema.optional() }) }, async ({ input, actor }) => {
  const db = await getDb();
  const preset = input.preset ?? defaultPresetFor(await currentLocale());
  return exportPayoutSalesCsv(db, { currency: input.currency, dueDay: input.day, preset, timeZone: await getStoreTimeZone(db), actor });
});
