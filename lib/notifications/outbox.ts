// The outbox (issue 19, docs/notifications.md "Sent once"): every message is a row, unique by an
// idempotency key that names what it is ("digest:daily:2026-12-04:<member>:email"), so the same decision
// taken by two workers, or again after a restart, inserts one row. A worker claims a due row with one
// conditional UPDATE (only one can win it), sends it, and records the result; a failure is retried with
// backoff, then recorded as failed. The rows are also the send log owners and admins read (./send-log.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Database, NotificationOutboxTable } from "@/lib/db/schema";

export type OutboxRow = Selectable<NotificationOutboxTable>;
export type OutboxChannel = "email" | "push" | "webhook" | "inapp";
export type OutboxKind = "digest_daily" | "digest_weekly" | "alert" | "test";

export interface OutboxMessage {
  dedupeKey: string;
  kind: OutboxKind;
  topic: string;
  memberId: string | null;
  channel: OutboxChannel;
  /** What the channel sends, already rendered in the member's language (lib/notifications/render.ts). */
  payload: unknown;
}

/** Delays before the 2nd, 3rd… attempt; after the last, the message is recorded as failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
/** How long a claimed message stays with its worker before another may take it (a crashed worker). */
export const CLAIM_MS = 2 * 60_000;

/** Inserts the messages not already there (by idempotency key); returns how many were new. */
export async function enqueue(db: Kysely<Database>, messages: readonly OutboxMessage[], now = new Date()): Promise<number> {
  let inserted = 0;
  for (const m of messages) {
    const result = await db
      .insertInto("notification_outbox")
      .values({
        id: randomUUID(),
        dedupe_key: m.dedupeKey,
        kind: m.kind,
        topic: m.topic,
        member_id: m.memberId,
        channel: m.channel,
        payload: JSON.stringify(m.payload),
        status: "pending",
        next_attempt_at: now.toISOString(),
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** True when a message with this key exists (to skip composing a digest already decided). */
export async function hasMessage(db: Kysely<Database>, dedupeKey: string): Promise<boolean> {
  return (await db.selectFrom("notification_outbox").select("id").where("dedupe_key", "=", dedupeKey).executeTakeFirst()) !== undefined;
}

/** Claims up to `limit` due messages for `worker`: each by a conditional UPDATE that only one worker can win. */
export async function claimDue(db: Kysely<Database>, worker: string, now = new Date(), limit = 20): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const candidates = await db
    .selectFrom("notification_outbox")
    .select("id")
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", at)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", at)]))
    .orderBy("next_attempt_at")
    .limit(limit)
    .execute();
  const claimed: OutboxRow[] = [];
  for (const { id } of candidates) {
    const result = await db
      .updateTable("notification_outbox")
      .set({ locked_by: worker, locked_until: new Date(now.getTime() + CLAIM_MS).toISOString() })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", at)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    claimed.push(await db.selectFrom("notification_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
  }
  return claimed;
}

/** Records the outcome of a claimed message (only by the worker that holds it). */
export async function settle(
  db: Kysely<Database>,
  row: Pick<OutboxRow, "id" | "attempts">,
  worker: string,
  outcome: { status: "sent" | "capped" | "skipped"; note?: string } | { status: "retry"; error: string },
  now = new Date(),
): Promise<void> {
  const attempts = row.attempts + 1;
  const base = db.updateTable("notification_outbox").where("id", "=", row.id).where("locked_by", "=", worker);
  if (outcome.status === "retry") {
    const delay = RETRY_DELAYS_MS[attempts - 1];
    await base
      .set({
        attempts,
        status: delay === undefined ? "failed" : "pending",
        next_attempt_at: new Date(now.getTime() + (delay ?? 0)).toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: outcome.error.slice(0, 500),
      })
      .execute();
    return;
  }
  await base
    .set({ attempts, status: outcome.status, sent_at: now.toISOString(), locked_by: null, locked_until: null, last_error: outcome.note ?? null })
    .execute();
}

/** Messages sent to a member by e-mail or push in the hour before `now` (the per-member cap). */
export async function sentInLastHour(db: Kysely<Database>, memberId: string, now = new Date()): Promise<number> {
  const row = await db
    .selectFrom("notification_outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("member_id", "=", memberId)
    .where("status", "=", "sent")
    .where("channel", "in", ["email", "push"])
    .where("sent_at", ">", new Date(now.getTime() - 3_600_000).toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
