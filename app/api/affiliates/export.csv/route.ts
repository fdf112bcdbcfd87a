// GET /api/affiliates/export.csv: the known affiliates with their attributed sales per currency over the range (CSV, audited).
import { csvPresetSchema } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { exportKnownAffiliatesCsv } from "@/lib/affiliates/export";
import { knownAffiliatesFilterSchema } from "@/lib/affiliates/queries";
import { defaultPresetForRequest } from "@/lib/affiliates/locale-preset";

const query = knownAffiliatesFilterSchema.safeExtend({ preset: csvPresetSchema.optional() });

export const GET = route({ exportOf: "affiliates:read", schema: query }, async ({ input, actor }) => {
  const db = await getDb();
  const { preset, ...filter } = input;
  return exportKnownAffiliatesCsv(db, filter, { preset: preset ?? (await defaultPresetForRequest()), timeZone: await getStoreTimeZone(db), actor });
});
