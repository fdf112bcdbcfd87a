// GET /api/sales/export.csv: every sale of the view's filter as CSV (sales:read and export:csv; support may not).
// French interface → Excel (French) preset, English → standard; `?preset=` overrides.
import { csvPresetSchema } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { exportSalesCsv, salesContext } from "@/lib/sales";
import { saleExportLabels } from "@/lib/sales/export-labels";
import { salesFiltersSchema } from "@/lib/sales/schemas";

const query = salesFiltersSchema.extend({ preset: csvPresetSchema.optional() });

export const GET = route({ exportOf: "sales:read", schema: query }, async ({ input, actor }) => {
  const db = await getDb();
  const ctx = await salesContext(db);
  const { preset, ...filters } = input;
  const { labels, defaultPreset } = await saleExportLabels();
  return exportSalesCsv(db, { filters, preset: preset ?? defaultPreset, timeZone: ctx.timeZone, labels, actor, scope: filters.customer ? `customer:${filters.customer}` : "sales" }, ctx);
});
