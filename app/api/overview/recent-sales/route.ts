// GET /api/overview/recent-sales?limit: the newest sales in the mirror (analytics:read, like the
// Overview page that polls it).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { listRecentSales } from "@/lib/overview/recent-sales";
import { recentSalesQuerySchema } from "@/lib/overview/schemas";

export const GET = route({ permission: "analytics:read", schema: recentSalesQuerySchema }, async ({ input }) => ({
  sales: await listRecentSales(await getDb(), input),
}));
