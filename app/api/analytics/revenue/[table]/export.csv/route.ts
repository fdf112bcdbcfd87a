// GET /api/analytics/revenue/{table}/export.csv: one Revenue table as CSV (analytics:read and export:csv, audited). Header in
// the member's language; French interface → Excel (French) preset, English → standard; `?preset=` overrides.
import { exportRevenueTable } from "@/lib/analytics/export";
import { revenueExportLabels } from "@/lib/analytics/export-labels";
import { revenueExportQuerySchema, revenueTableParamsSchema } from "@/lib/analytics/query-schemas";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export const GET = route(
  { exportOf: "analytics:read", schema: revenueExportQuerySchema, params: revenueTableParamsSchema },
  async ({ input, params, actor }) => {
    const db = await getDb();
    const { labels, defaultPreset } = await revenueExportLabels();
    const { preset, ...range } = input;
    return exportRevenueTable(db, params.table, { ...range, preset: preset ?? defaultPreset }, { timeZone: await getStoreTimeZone(db), actor, labels });
  },
);
