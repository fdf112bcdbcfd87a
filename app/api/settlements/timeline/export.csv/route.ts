// GET /api/settlements/timeline/export.csv?from&to&preset: the payout timeline of the range as CSV
// (settlements:read and export:csv, like the drill-down's export), audited as `settlements.timeline.export`.
import { csvHeaderLabels } from "@/lib/csv/export-labels";
import { csvPresetSchema } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { exportPayoutsCsv, PAYOUT_EXPORT_COLUMNS, resolveSettlementRange, settlementRangeSchema } from "@/lib/settlements";

const query = settlementRangeSchema.safeExtend({ preset: csvPresetSchema.optional() });

export const GET = route({ exportOf: "settlements:read", schema: query }, async ({ input, actor }) => {
  const db = await getDb();
  const timeZone = await getStoreTimeZone(db);
  const { labels, defaultPreset } = await csvHeaderLabels("payouts", PAYOUT_EXPORT_COLUMNS);
  return exportPayoutsCsv(db, { range: resolveSettlementRange(input, timeZone), preset: input.preset ?? defaultPreset, timeZone, labels, actor });
});
