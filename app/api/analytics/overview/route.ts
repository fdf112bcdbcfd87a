// GET /api/analytics/overview: KPIs per currency, revenue series and top products for a date range
// (analytics:read). docs/api.md "Analytics".
import { getOverview } from "@/lib/analytics/overview";
import { overviewQuerySchema } from "@/lib/analytics/query-schemas";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export const GET = route({ permission: "analytics:read", schema: overviewQuerySchema }, async ({ input }) => {
  const db = await getDb();
  return getOverview(db, input, { timeZone: await getStoreTimeZone(db) });
});
