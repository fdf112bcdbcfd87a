// Changing the store time zone: save it (audited), then recompute the mirror's local days and daily
// rollups in the new zone, so charts and exports bucket by the merchant's days at once.
import "server-only";
import type { Kysely } from "kysely";
import type { Actor } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { rebuildRollups } from "@/lib/mirror";
import { setStoreTimeZone } from "./store-timezone";

export async function changeStoreTimeZone(db: Kysely<Database>, timeZone: string, actor: Actor): Promise<{ timeZone: string; rebuilt: boolean }> {
  const { changed } = await setStoreTimeZone(db, timeZone, actor);
  if (changed) await rebuildRollups(db, timeZone);
  return { timeZone, rebuilt: changed };
}
