// GET /api/settlements/next: the next payout per currency (the overview's "Next payout" card).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { getNextPayouts } from "@/lib/settlements";

export const GET = route({ permission: "settlements:read" }, async () => {
  const db = await getDb();
  return { payouts: await getNextPayouts(db, await getStoreTimeZone(db)) };
});
