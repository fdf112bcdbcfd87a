// The store's reporting timezone (DESIGN §2: a sale's local day is counted in it): a setting owners and
// admins can change, stored in app_settings, defaulting to STORE_TIMEZONE from the environment.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { isValidTimeZone } from "@/lib/time";

const KEY = "store_timezone";

export async function getStoreTimeZone(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", KEY).executeTakeFirst();
  return row && isValidTimeZone(row.value) ? row.value : getEnv().STORE_TIMEZONE;
}

/** Saves the zone (audited); the caller recomputes local days and rollups when it changed. */
export async function setStoreTimeZone(db: Kysely<Database>, timeZone: string, actor: Actor): Promise<{ previous: string; changed: boolean }> {
  if (!isValidTimeZone(timeZone)) throw new ValidationError("Unknown time zone", "timeZone");
  const previous = await getStoreTimeZone(db);
  const now = new Date().toISOString();
  await db
    .insertInto("app_settings")
    .values({ key: KEY, value: timeZone, updated_at: now })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: timeZone, updated_at: now }))
    .execute();
  if (previous !== timeZone) await recordAudit(db, { actor, action: "settings.timezone_changed", target: timeZone, details: { previous } });
  return { previous, changed: previous !== timeZone };
}

/** The zones the picker offers: the runtime's IANA list, always including the current one. */
export function listTimeZones(current: string): string[] {
  return [...new Set([current, ...Intl.supportedValuesOf("timeZone")])].sort();
}
