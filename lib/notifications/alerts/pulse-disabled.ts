// The "Pulse disabled at Chariow" alert (issue 19, docs/notifications.md "Alerts"): Chariow disables a
// Pulse after 5 failed deliveries (chariow-api.md §8) and tells no one, so sales stop arriving live. We read
// the Pulses through the API (GET /pulses, background priority, within the key's budget) at most every
// 15 minutes for all instances together — the last check and its result are kept in app_settings, and one
// conditional write decides which instance makes the call — and alert once a day per disabled Pulse.
import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { ChariowClient } from "@/lib/chariow";
import type { Database } from "@/lib/db/schema";
import { today } from "@/lib/time";
import { translatorFor } from "../render";
import type { AlertEvent } from "./types";

const KEY = "notifications.pulse_check";
/** GET /pulses costs one request of the key's budget: four an hour whatever the number of instances. */
export const PULSE_CHECK_EVERY_MS = 15 * 60_000;
/** A background call waits for the budget behind the sync; past this, the check is recorded as failed. */
const MAX_WAIT_MS = 30_000;

const pulseSnapshotSchema = z.object({ id: z.string(), name: z.string().nullable(), url: z.string().nullable(), active: z.boolean().nullable() });
export type PulseSnapshot = z.infer<typeof pulseSnapshotSchema>;
const checkSchema = z.object({ checkedAt: z.string(), pulses: z.array(pulseSnapshotSchema), error: z.string().nullable() });
export type PulseCheck = z.infer<typeof checkSchema>;

function parseCheck(value: string | undefined): PulseCheck | null {
  if (value === undefined) return null;
  try {
    const parsed = checkSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function readRow(db: Kysely<Database>) {
  return db.selectFrom("app_settings").select(["value", "updated_at"]).where("key", "=", KEY).executeTakeFirst();
}

async function writeCheck(db: Kysely<Database>, check: PulseCheck, now: Date) {
  await db.updateTable("app_settings").set({ value: JSON.stringify(check), updated_at: now.toISOString() }).where("key", "=", KEY).execute();
}

/**
 * The Pulses as last seen: from app_settings when checked less than 15 minutes ago (or another instance
 * is checking now), else read from Chariow by this instance. A failed read keeps the previous Pulses (and
 * records the error): an outage of GET /pulses says nothing about them.
 */
export async function checkPulses(db: Kysely<Database>, client: Pick<ChariowClient, "listPulses">, now: Date): Promise<PulseCheck> {
  const row = await readRow(db);
  const previous = parseCheck(row?.value);
  if (previous && now.getTime() - Date.parse(previous.checkedAt) < PULSE_CHECK_EVERY_MS) return previous;
  // Claim the check: the insert of the first row, or an update conditional on the row as read. Only one
  // instance wins; the others use what is stored.
  const claim: PulseCheck = { checkedAt: now.toISOString(), pulses: previous?.pulses ?? [], error: null };
  const won = row
    ? await db.updateTable("app_settings").set({ value: JSON.stringify(claim), updated_at: now.toISOString() }).where("key", "=", KEY).where("updated_at", "=", row.updated_at).where("value", "=", row.value).executeTakeFirst()
    : await db.insertInto("app_settings").values({ key: KEY, value: JSON.stringify(claim), updated_at: now.toISOString() }).onConflict((oc) => oc.column("key").doNothing()).executeTakeFirst();
  const claimed = Number("numUpdatedRows" in won ? won.numUpdatedRows : (won.numInsertedOrUpdatedRows ?? 0)) === 1;
  if (!claimed) return parseCheck((await readRow(db))?.value) ?? claim;
  try {
    const pulses = await client.listPulses({ priority: "background", maxWaitMs: MAX_WAIT_MS });
    const check: PulseCheck = { checkedAt: now.toISOString(), pulses: pulses.map((p) => ({ id: p.id, name: p.name, url: p.url, active: p.active })), error: null };
    await writeCheck(db, check, now);
    return check;
  } catch (error) {
    const check: PulseCheck = { ...claim, error: error instanceof Error ? error.message : String(error) };
    await writeCheck(db, check, now);
    return check;
  }
}

/** The disabled Pulses (active === false; null, an unknown state, is not "disabled"). Pure. */
export function disabledPulses(check: Pick<PulseCheck, "pulses">): PulseSnapshot[] {
  return check.pulses.filter((p) => p.active === false);
}

export function pulseDisabledEvent(pulse: PulseSnapshot, day: string): AlertEvent {
  return {
    topic: "pulse_disabled",
    subject: pulse.id,
    dedupeKey: `pulse_disabled:${pulse.id}:${day}`,
    facts: { pulseId: pulse.id, name: pulse.name, url: pulse.url, day },
    path: "/settings",
    permission: "settings:read",
    async words(locale) {
      const t = await translatorFor(locale, "Notifications.alerts.pulse_disabled");
      return { title: t("title", { name: pulse.name ?? pulse.id }), body: t("body", { url: pulse.url ?? "—" }) };
    },
  };
}

/** The detector: each Pulse Chariow shows as disabled, once per local day while it stays so. */
export async function pulseDisabledAlerts(db: Kysely<Database>, client: Pick<ChariowClient, "listPulses">, now: Date, timeZone: string): Promise<AlertEvent[]> {
  const check = await checkPulses(db, client, now);
  const day = today(timeZone, now);
  return disabledPulses(check).map((p) => pulseDisabledEvent(p, day));
}
