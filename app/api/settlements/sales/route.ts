// GET /api/settlements/sales?currency&day: the sales behind one payout (drill-down), overdue flagged.
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { listPayoutSales, payoutGroupSchema } from "@/lib/settlements";

export const GET = route({ permission: "settlements:read", schema: payoutGroupSchema }, async ({ input }) => {
  const db = await getDb();
  const timeZone = await getStoreTimeZone(db);
  return { sales: await listPayoutSales(db, { currency: input.currency, dueDay: input.day }, timeZone) };
});
