// GET /api/settlements?from&to: the payout timeline of a range of local due days (settlements:read).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { listSettlements, resolveSettlementRange, settlementRangeSchema } from "@/lib/settlements";

export const GET = route({ permission: "settlements:read", schema: settlementRangeSchema }, async ({ input }) => {
  const db = await getDb();
  const timeZone = await getStoreTimeZone(db);
  return listSettlements(db, resolveSettlementRange(input, timeZone), timeZone);
});
