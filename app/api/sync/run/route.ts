// POST /api/sync/run: "sync now" (settings:manage — owners and admins). Asks the sync engine to run its
// incremental refresh at the next opportunity; the request is audited by the engine.
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { requestSyncNow } from "@/lib/sync";

export const POST = route({ permission: "settings:manage" }, async ({ actor }) => {
  await requestSyncNow(await getDb(), actor);
  return { requested: true };
});
