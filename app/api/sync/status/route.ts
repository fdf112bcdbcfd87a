// GET /api/sync/status: the data freshness every page's shell shows (last sync, backfill progress,
// settlement coverage, API budget, stale flag). Every role reads the mirror, so every role may see how
// fresh it is (sales:read). No secret and no error text here.
import { getDb } from "@/lib/db";
import { getFreshness } from "@/lib/freshness/get-freshness";
import { route } from "@/lib/http/route";

export const GET = route({ permission: "sales:read" }, async () => ({ freshness: await getFreshness(await getDb()) }));
