// GET /api/downloads?days&threshold: coverage, latest sales, "not accessed yet", unusual activity and
// engagement by product, from the mirror (fulfilment:read).
import { getDb } from "@/lib/db";
import { RECENT_SALES_SHOWN, downloadsQuerySchema, downloadsReport } from "@/lib/downloads";
import { route } from "@/lib/http/route";

export const GET = route({ permission: "fulfilment:read", schema: downloadsQuerySchema }, async ({ input }) => {
  const report = await downloadsReport(await getDb(), input);
  return { ...report, recentSales: report.recentSales.slice(0, RECENT_SALES_SHOWN) };
});
