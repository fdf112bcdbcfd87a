// What every Sales query needs besides its filters: the engine (for the few engine-specific bits) and
// the store timezone (local days of the date filter, dates in the export).
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { engineOfDb } from "@/lib/db/engine-sql";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import type { SalesQueryContext } from "./sales-query";

export async function salesContext(db: Kysely<Database>): Promise<SalesQueryContext> {
  return { engine: engineOfDb(db), timeZone: await getStoreTimeZone(db) };
}
