// Can the app open (and migrate) its database and run a trivial query?
import "server-only";
import { sql } from "kysely";
import { getDb } from "@/lib/db";

export async function isDatabaseHealthy(): Promise<boolean> {
  try {
    await sql`select 1`.execute(await getDb());
    return true;
  } catch (error) {
    console.error("[health] database check failed", error);
    return false;
  }
}
