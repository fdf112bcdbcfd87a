// GET /api/affiliates/lookup?code=…&refresh=1: one affiliate by referral code (affiliates:read), cached a
// few minutes; an unknown code is a 404 `affiliate_not_found` "No affiliate with this code".
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getChariowClient } from "@/lib/store/chariow-connection";
import { lookupForApi, lookupQuerySchema } from "@/lib/affiliates/service";

export const GET = route({ permission: "affiliates:read", schema: lookupQuerySchema }, async ({ input }) => {
  return lookupForApi(await getDb(), getChariowClient(), input.code, input.refresh);
});
