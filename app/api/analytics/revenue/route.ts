// GET /api/analytics/revenue: breakdowns and new vs returning customers for one currency over a date
// range (analytics:read). docs/api.md "Analytics".
import { revenueQuerySchema } from "@/lib/analytics/query-schemas";
import { getRevenueReport } from "@/lib/analytics/revenue";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export const GET = route({ permission: "analytics:read", schema: revenueQuerySchema }, async ({ input }) => {
  const db = await getDb();
  return getRevenueReport(db, input, { timeZone: await getStoreTimeZone(db) });
});
