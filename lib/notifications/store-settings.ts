// The store's alert rules and outgoing webhook (issue 19, docs/notifications.md), set by owners and
// admins, kept in app_settings under one key as JSON: each alert's threshold, the monthly revenue goals
// per currency, the cap of messages per member per hour, and the signed webhook (URL and its secret).
import "server-only";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@/lib/db/schema";

const KEY = "notifications";

const currencyCode = z.string().regex(/^[A-Z]{3}$/, "a currency code such as XOF");

export const storeNotificationSettingsSchema = z.object({
  failureSpike: z.object({
    /** The recent window whose failure share is compared with the baseline. */
    windowHours: z.number().int().min(1).max(24),
    /** The baseline: the same method's or country's failure share over these days before the window. */
    baselineDays: z.number().int().min(1).max(30),
    /** Fewer attempts than this in the window: no verdict (tiny samples are noise). */
    minAttempts: z.number().int().min(3).max(1000),
    /** How many percentage points above its baseline the window's failure share must be. */
    risePoints: z.number().int().min(5).max(100),
  }),
  /** A payout late by more than this many days alerts. */
  payoutOverdueDays: z.number().int().min(0).max(60),
  /** The sync not updated for this many minutes alerts. */
  syncStaleMinutes: z.number().int().min(15).max(24 * 60),
  /** Monthly revenue goal per currency, in minor units (XOF has none: francs). */
  goals: z.record(currencyCode, z.number().int().min(1).max(1e15)),
  /** Each new paid sale, batched: at most one message per member per this many minutes. */
  newSales: z.object({ enabled: z.boolean(), batchMinutes: z.number().int().min(5).max(24 * 60) }),
  /** At most this many messages (e-mail, push) per member per hour; beyond, they are recorded as capped. */
  maxPerMemberPerHour: z.number().int().min(1).max(100),
  /** The signed outgoing webhook: JSON of every alert and digest (docs/notifications.md "Webhook"). */
  webhook: z.object({ url: z.url({ protocol: /^https?$/ }).nullable(), secret: z.string().min(32) }),
});
export type StoreNotificationSettings = z.infer<typeof storeNotificationSettingsSchema>;

export function defaultStoreSettings(): StoreNotificationSettings {
  return {
    failureSpike: { windowHours: 3, baselineDays: 7, minAttempts: 10, risePoints: 20 },
    payoutOverdueDays: 2,
    syncStaleMinutes: 60,
    goals: {},
    newSales: { enabled: false, batchMinutes: 60 },
    maxPerMemberPerHour: 10,
    webhook: { url: null, secret: newWebhookSecret() },
  };
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The settings; created with their defaults (and a fresh webhook secret) the first time. */
export async function getStoreSettings(db: Kysely<Database>): Promise<StoreNotificationSettings> {
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", KEY).executeTakeFirst();
  if (row) {
    const parsed = storeNotificationSettingsSchema.safeParse(JSON.parse(row.value));
    if (parsed.success) return parsed.data;
  }
  const fresh = defaultStoreSettings();
  // Two instances may create it at once: the first one's secret wins, both read it back.
  await db.insertInto("app_settings").values({ key: KEY, value: JSON.stringify(fresh), updated_at: new Date().toISOString() }).onConflict((oc) => oc.column("key").doNothing()).execute();
  if (row) await db.updateTable("app_settings").set({ value: JSON.stringify(fresh), updated_at: new Date().toISOString() }).where("key", "=", KEY).execute();
  const again = await db.selectFrom("app_settings").select("value").where("key", "=", KEY).executeTakeFirstOrThrow();
  return storeNotificationSettingsSchema.parse(JSON.parse(again.value));
}

export async function setStoreSettings(db: Kysely<Database>, settings: StoreNotificationSettings, now = new Date()): Promise<void> {
  const value = JSON.stringify(storeNotificationSettingsSchema.parse(settings));
  await db
    .insertInto("app_settings")
    .values({ key: KEY, value, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: now.toISOString() }))
    .execute();
}
