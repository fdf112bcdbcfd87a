// Changing the store time zone: save it (audited), then recompute the mirror's local days and daily
// rollups in the new zone, so charts and exports bucket by the merchant's days at once; this process's
// sync runner restarts in the new zone (another instance holding the lease picks it up on restart).
import "server-only";
import type { Kysely } from "kysely";
import type { Actor } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { restartSyncInTimeZone } from "@/lib/background-jobs";
import { forgetRequestTimeZone } from "@/lib/i18n/request-time-zone";
import { rebuildRollups } from "@/lib/mirror";
import { setStoreTimeZone } from "./store-timezone";

export async function changeStoreTimeZone(db: Kysely<Database>, timeZone: string, actor: Actor): Promise<{ timeZone: string; rebuilt: boolean }> {
  const { changed } = await setStoreTimeZone(db, timeZone, actor);
  if (changed) {
    forgetRequestTimeZone(); // pages format in the new zone from the next request
    await rebuildRollups(db, timeZone);
    await restartSyncInTimeZone(timeZone);
  }
  return { timeZone, rebuilt: changed };
}
