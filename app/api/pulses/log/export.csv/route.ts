// GET /api/pulses/log/export.csv?preset: the whole Pulse delivery log as CSV (settings:read and
// export:csv — owners and admins), metadata only, audited as `pulses.log.export`.
import { z } from "zod";
import { csvHeaderLabels } from "@/lib/csv/export-labels";
import { csvPresetSchema } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { exportPulseLogCsv, PULSE_LOG_EXPORT_COLUMNS } from "@/lib/pulses/export-pulse-log";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

const query = z.object({ preset: csvPresetSchema.optional() });

export const GET = route({ exportOf: "settings:read", schema: query }, async ({ input, actor }) => {
  const db = await getDb();
  const { labels, defaultPreset } = await csvHeaderLabels("pulseLog", PULSE_LOG_EXPORT_COLUMNS);
  return exportPulseLogCsv(db, { preset: input.preset ?? defaultPreset, timeZone: await getStoreTimeZone(db), labels, actor });
});
