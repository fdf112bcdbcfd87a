// GET /api/analytics/revenue/{table}/export.csv: one Revenue table as CSV (export:csv, audited).
import { exportRevenueTable } from "@/lib/analytics/export";
import { revenueExportQuerySchema, revenueTableParamsSchema } from "@/lib/analytics/query-schemas";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export const GET = route(
  { permission: "export:csv", schema: revenueExportQuerySchema, params: revenueTableParamsSchema },
  async ({ input, params, actor }) => {
    const db = await getDb();
    return exportRevenueTable(db, params.table, input, { timeZone: await getStoreTimeZone(db), actor });
  },
);
