// The Pulse delivery store: accepted deliveries (with their raw body), deduplicated by delivery id in the
// database so concurrent retries — even on two instances — count once. Refused ones: refusal-log.ts.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import type { PulseDeliveryStatus } from "./schemas";

type Db = Kysely<Database>;

export type NewDelivery = {
  deliveryId: string | null;
  pulseId: string | null;
  event: string | null;
  body: string;
  receivedAt: string;
};

export type RecordedDelivery = { id: number; outcome: "accepted" | "duplicate" | "test" };

/**
 * Stores a verified delivery. Without a delivery id it is a test delivery (chariow-api.md §8): kept for
 * the log, never processed. A delivery id seen before is recorded as a duplicate (no body kept).
 */
export async function recordDelivery(db: Db, d: NewDelivery): Promise<RecordedDelivery> {
  const base = { delivery_id: d.deliveryId, pulse_id: d.pulseId, event: d.event, received_at: d.receivedAt };
  if (d.deliveryId === null) {
    const row = await db.insertInto("pulse_deliveries").values({ ...base, status: "test", body: d.body, processed_at: d.receivedAt }).returning("id").executeTakeFirstOrThrow();
    return { id: row.id, outcome: "test" };
  }
  const inserted = await db
    .insertInto("pulse_deliveries")
    .values({ ...base, dedupe_key: d.deliveryId, status: "received", body: d.body })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, outcome: "accepted" };
  const dup = await db
    .insertInto("pulse_deliveries")
    .values({ ...base, status: "duplicate", detail: "same_delivery", processed_at: d.receivedAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: dup.id, outcome: "duplicate" };
}

export type ClaimedDelivery = { id: number; deliveryId: string | null; pulseId: string | null; event: string | null; body: string; receivedAt: string };

/** Moves a `received` delivery to `processing`; null when another worker (or instance) got it first. */
export async function claimDelivery(db: Db, id: number): Promise<ClaimedDelivery | null> {
  const row = await db
    .updateTable("pulse_deliveries")
    .set({ status: "processing" })
    .where("id", "=", id)
    .where("status", "=", "received")
    .returning(["id", "delivery_id", "pulse_id", "event", "body", "received_at"])
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, deliveryId: row.delivery_id, pulseId: row.pulse_id, event: row.event, body: row.body ?? "", receivedAt: row.received_at };
}

export type DeliveryOutcome = {
  status: PulseDeliveryStatus;
  detail?: string | null;
  event?: string | null;
  objectId?: string | null;
  appliedKey?: string | null;
  at: string;
};

export async function finishDelivery(db: Db, id: number, o: DeliveryOutcome): Promise<void> {
  await db
    .updateTable("pulse_deliveries")
    .set({
      status: o.status,
      detail: o.detail ?? null,
      object_id: o.objectId ?? null,
      applied_key: o.appliedKey ?? null,
      processed_at: o.at,
      ...(o.event ? { event: o.event } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/** Was an event for this object already applied by another delivery (a manual replay)? */
export async function isApplied(db: Db, appliedKey: string): Promise<boolean> {
  const row = await db.selectFrom("pulse_deliveries").select("id").where("applied_key", "=", appliedKey).executeTakeFirst();
  return row !== undefined;
}

/**
 * Deliveries to (re)process at start-up: `received` ones, and `processing` ones older than a minute
 * (their process died mid-way; applying twice is harmless because every write is an idempotent upsert).
 */
export async function pendingDeliveryIds(db: Db, now: Date): Promise<number[]> {
  const cutoff = new Date(now.getTime() - 60_000).toISOString();
  await db.updateTable("pulse_deliveries").set({ status: "received" }).where("status", "=", "processing").where("received_at", "<", cutoff).execute();
  const rows = await db.selectFrom("pulse_deliveries").select("id").where("status", "=", "received").orderBy("id").execute();
  return rows.map((r) => r.id);
}
