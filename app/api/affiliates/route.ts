// GET /api/affiliates?from=YYYY-MM-DD&to=YYYY-MM-DD: the affiliates the store knows (lookups, Pulses,
// sales) with paid sales and revenue attributed in the mirror per currency, ordered as a leaderboard.
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { knownAffiliatesFilterSchema, listKnownAffiliates } from "@/lib/affiliates/queries";

export const GET = route({ permission: "affiliates:read", schema: knownAffiliatesFilterSchema }, async ({ input }) => {
  return listKnownAffiliates(await getDb(), input);
});
