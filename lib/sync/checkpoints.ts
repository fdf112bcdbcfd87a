// Persisted job state (sync_checkpoints): what lets every sync job resume after a crash or restart
// exactly where it stopped. The state is JSON validated by the job's own zod schema on read.
import "server-only";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "@/lib/db";

export type SyncJobName = "backfill" | "incremental" | "enrichment" | "reconciliation" | "licences" | "affiliates";

/** The job's saved state, or null when none is saved or it no longer fits the schema (start over). */
export async function loadCheckpoint<S extends z.ZodType>(db: Kysely<Database>, job: SyncJobName, schema: S): Promise<z.output<S> | null> {
  const row = await db.selectFrom("sync_checkpoints").select("state").where("job", "=", job).executeTakeFirst();
  if (!row) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(row.state));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function saveCheckpoint(db: Kysely<Database>, job: SyncJobName, state: unknown, now: number): Promise<void> {
  const values = { job, state: JSON.stringify(state), updated_at: new Date(now).toISOString() };
  await db
    .insertInto("sync_checkpoints")
    .values(values)
    .onConflict((oc) => oc.column("job").doUpdateSet({ state: values.state, updated_at: values.updated_at }))
    .execute();
}

export async function clearCheckpoint(db: Kysely<Database>, job: SyncJobName): Promise<void> {
  await db.deleteFrom("sync_checkpoints").where("job", "=", job).execute();
}
