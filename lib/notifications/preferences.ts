// A member's choices about what comes to them (issue 19, docs/notifications.md), kept as JSON in
// member_preferences.notifications (migration 0029): the digests and their hour (store time zone), the
// language they arrive in, the channels, and the alerts they muted. No row or no JSON: the defaults —
// the daily digest at 08:00 in French, by e-mail (when SMTP is configured) and in the app.
import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@/lib/db/schema";
import { LOCALES } from "@/lib/i18n/locales";

export const ALERT_TOPICS = ["failure_spike", "payout_overdue", "pulse_disabled", "pulse_failing", "sync_stale", "goal_reached", "goal_off_pace", "new_sales"] as const;
export type AlertTopic = (typeof ALERT_TOPICS)[number];
export const MEMBER_CHANNELS = ["email", "push"] as const;
export type MemberChannel = (typeof MEMBER_CHANNELS)[number];

export const notificationPreferencesSchema = z.object({
  daily: z.boolean(),
  weekly: z.boolean(),
  /** Local hour (store time zone) the digest is sent at, 0–23. */
  hour: z.number().int().min(0).max(23),
  locale: z.enum(LOCALES),
  email: z.boolean(),
  /** Alerts by e-mail (the digests follow `daily`/`weekly`); off from an alert e-mail's unsubscribe link. */
  alertEmail: z.boolean(),
  push: z.boolean(),
  /** Alerts this member does not want (the in-app list still shows nothing for them either). */
  muted: z.array(z.enum(ALERT_TOPICS)).max(ALERT_TOPICS.length),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const DEFAULT_PREFERENCES: NotificationPreferences = { daily: true, weekly: true, hour: 8, locale: "fr", email: true, alertEmail: true, push: false, muted: [] };

/** Stored JSON → preferences; anything missing or malformed falls back to the default of that field. */
export function parsePreferences(json: string | null | undefined): NotificationPreferences {
  if (!json) return { ...DEFAULT_PREFERENCES };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
  const out: Record<string, unknown> = { ...DEFAULT_PREFERENCES };
  if (raw && typeof raw === "object") {
    for (const [key, field] of Object.entries(notificationPreferencesSchema.shape)) {
      const parsed = field.safeParse((raw as Record<string, unknown>)[key]);
      if (parsed.success) out[key] = parsed.data;
    }
  }
  return out as NotificationPreferences;
}

export async function getPreferences(db: Kysely<Database>, memberId: string): Promise<NotificationPreferences> {
  const row = await db.selectFrom("member_preferences").select("notifications").where("user_id", "=", memberId).executeTakeFirst();
  return parsePreferences(row?.notifications);
}

export async function setPreferences(db: Kysely<Database>, memberId: string, prefs: NotificationPreferences, now = new Date()): Promise<void> {
  const json = JSON.stringify(notificationPreferencesSchema.parse(prefs));
  await db
    .insertInto("member_preferences")
    .values({ user_id: memberId, low_data: null, notifications: json, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ notifications: json, updated_at: now.toISOString() }))
    .execute();
}

/** Every active member with their preferences (one statement). */
export async function membersWithPreferences(db: Kysely<Database>): Promise<{ id: string; email: string; name: string | null; role: string; prefs: NotificationPreferences }[]> {
  const rows = await db
    .selectFrom("users")
    .leftJoin("member_preferences", "member_preferences.user_id", "users.id")
    .select(["users.id", "users.email", "users.name", "users.role", "member_preferences.notifications"])
    .where("users.disabled_at", "is", null)
    .orderBy("users.id")
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, prefs: parsePreferences(r.notifications) }));
}
