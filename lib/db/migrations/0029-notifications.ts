// Migration 0029: the dashboard comes to the merchant (issue 19, docs/notifications.md) — digests and
// alerts, sent once whatever the number of instances:
// - `notification_outbox`: every message to send (one member × channel, or the store's webhook), unique by
//   its idempotency key (`dedupe_key`, e.g. "digest:daily:2026-12-04:<member>:email"), so two workers that
//   decide the same message insert it once; claimed by one worker at a time (`locked_by`/`locked_until`),
//   retried with backoff; it is also the send log owners and admins read (who, what, channel, result).
// - `notifications`: the in-app list, one row per member and message, with its read time.
// - `alert_events`: each alert detected once (unique key: the rule, its subject and its window).
// - `push_subscriptions`: each member's browsers that accept Web Push.
// - `member_preferences.notifications`: the member's choices (JSON, lib/notifications/preferences.ts).
// Every table carries `store_id` ('store' today) so several stores can share a dashboard later.
import "server-only";
import type { Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("member_preferences").addColumn("notifications", "text").execute();

  await db.schema
    .createTable("notification_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("store_id", "text", (c) => c.notNull().defaultTo("store"))
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    // digest_daily | digest_weekly | alert | test
    .addColumn("kind", "text", (c) => c.notNull())
    // the alert's rule (failure_spike, pulse_disabled…) or the digest's day
    .addColumn("topic", "text", (c) => c.notNull())
    // null for the store's webhook
    .addColumn("member_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    // email | push | webhook | inapp
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    // pending | sent | failed | capped | skipped
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("locked_by", "text")
    .addColumn("locked_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("last_error", "text")
    .execute();
  await db.schema.createIndex("notification_outbox_due").on("notification_outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("notification_outbox_member_sent").on("notification_outbox").columns(["member_id", "sent_at"]).execute();
  await db.schema.createIndex("notification_outbox_created").on("notification_outbox").columns(["created_at"]).execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("store_id", "text", (c) => c.notNull().defaultTo("store"))
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema.createIndex("notifications_member_created").on("notifications").columns(["member_id", "created_at"]).execute();

  await db.schema
    .createTable("alert_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("store_id", "text", (c) => c.notNull().defaultTo("store"))
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("detected_at", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("alert_events_detected").on("alert_events").columns(["detected_at"]).execute();

  await db.schema
    .createTable("push_subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("endpoint", "text", (c) => c.notNull().unique())
    .addColumn("p256dh", "text", (c) => c.notNull())
    .addColumn("auth", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
