// The recovery attribution window ("the same customer pays for the same product within N days"): a
// setting owners and admins change, stored in app_settings, read by every caller of the attribution
// (worklist, analytics, export, the sale detail's reverse link). Attribution is computed on read, so a
// change applies to the whole history at once.
import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { DEFAULT_RECOVERY_WINDOW_DAYS } from "./attribution";

const KEY = "recovery.window_days";
export const MIN_RECOVERY_WINDOW_DAYS = 1;
export const MAX_RECOVERY_WINDOW_DAYS = 90;

export const recoveryWindowSchema = z.object({
  days: z.number().int().min(MIN_RECOVERY_WINDOW_DAYS).max(MAX_RECOVERY_WINDOW_DAYS),
});
export type RecoveryWindow = z.infer<typeof recoveryWindowSchema>;

export async function getRecoveryWindowDays(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", KEY).executeTakeFirst();
  const parsed = recoveryWindowSchema.safeParse({ days: row ? Number(row.value) : undefined });
  return parsed.success ? parsed.data.days : DEFAULT_RECOVERY_WINDOW_DAYS;
}

/** Saves the window; audited as `recovery.window_changed` when it changed. */
export async function setRecoveryWindowDays(db: Kysely<Database>, input: RecoveryWindow, actor: Actor): Promise<{ days: number; previous: number; changed: boolean }> {
  const parsed = recoveryWindowSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(`must be a whole number of days from ${MIN_RECOVERY_WINDOW_DAYS} to ${MAX_RECOVERY_WINDOW_DAYS}`, "days");
  const { days } = parsed.data;
  const previous = await getRecoveryWindowDays(db);
  const at = new Date().toISOString();
  const value = String(days);
  await db.insertInto("app_settings").values({ key: KEY, value, updated_at: at }).onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: at })).execute();
  const changed = previous !== days;
  if (changed) await recordAudit(db, { actor, action: "recovery.window_changed", target: KEY, details: { previous, days } });
  return { days, previous, changed };
}
