// Owners and admins change the store's alert rules and webhook (issue 19, Settings → "Alerts and webhook"):
// the input as a person types it — goals in major units, the webhook URL as text — checked by one zod
// schema (the API's body and the form's fields alike), turned into the stored settings (goals in minor
// units through lib/money), and audited. Also: rotating the webhook secret (the new one is returned once,
// then only its masked form is shown) and queuing a test message to the webhook through the outbox.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { MoneyError, money, toMajorString, toMinor } from "@/lib/money";
import { enqueue } from "./outbox";
import { getStoreSettings, newWebhookSecret, setStoreSettings, storeNotificationSettingsSchema, type StoreNotificationSettings } from "./store-settings";

const stored = storeNotificationSettingsSchema.shape;
/** A positive amount in major units as typed ("1500000", "2500.50"); its currency's decimals are checked on save. */
const majorAmount = z.string().trim().regex(/^\d{1,13}([.,]\d{1,3})?$/, "an amount such as 1500000 or 2500.50");

export const storeSettingsInputSchema = z
  .object({
    failureSpike: stored.failureSpike,
    payoutOverdueDays: stored.payoutOverdueDays,
    syncStaleMinutes: stored.syncStaleMinutes,
    goals: z.array(z.object({ currency: z.string().regex(/^[A-Z]{3}$/, "a currency code such as XOF"), amount: majorAmount })).max(20),
    newSales: stored.newSales,
    maxPerMemberPerHour: stored.maxPerMemberPerHour,
    webhookUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
  })
  .strict();
export type StoreSettingsInput = z.infer<typeof storeSettingsInputSchema>;

/** The stored settings as the form shows them: goals in major units. */
export function settingsAsInput(s: StoreNotificationSettings): StoreSettingsInput {
  return {
    failureSpike: s.failureSpike,
    payoutOverdueDays: s.payoutOverdueDays,
    syncStaleMinutes: s.syncStaleMinutes,
    goals: Object.entries(s.goals).map(([currency, minor]) => ({ currency, amount: toMajorString(money(minor, currency)) })),
    newSales: s.newSales,
    maxPerMemberPerHour: s.maxPerMemberPerHour,
    webhookUrl: s.webhook.url,
  };
}

/** Saves the input over the stored settings (the webhook secret is kept), audited with what changed. */
export async function updateStoreSettings(db: Kysely<Database>, input: StoreSettingsInput, actor: Actor): Promise<StoreNotificationSettings> {
  const previous = await getStoreSettings(db);
  const goals: Record<string, number> = {};
  input.goals.forEach((g, i) => {
    if (g.currency in goals) throw new ValidationError(`${g.currency} has two goals`, `goals.${i}.currency`);
    try {
      goals[g.currency] = toMinor(g.amount.replace(",", "."), g.currency);
    } catch (error) {
      if (error instanceof MoneyError) throw new ValidationError(error.message, `goals.${i}.amount`);
      throw error;
    }
    if (goals[g.currency]! < 1) throw new ValidationError("a goal must be more than zero", `goals.${i}.amount`);
  });
  const next: StoreNotificationSettings = {
    failureSpike: input.failureSpike,
    payoutOverdueDays: input.payoutOverdueDays,
    syncStaleMinutes: input.syncStaleMinutes,
    goals,
    newSales: input.newSales,
    maxPerMemberPerHour: input.maxPerMemberPerHour,
    webhook: { url: input.webhookUrl, secret: previous.webhook.secret },
  };
  await setStoreSettings(db, next);
  const changed = (Object.keys(next) as (keyof StoreNotificationSettings)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(previous[k]));
  // The secret never goes to the audit log: only which settings changed, and the URL's host.
  if (changed.length > 0) await recordAudit(db, { actor, action: "notifications.settings_changed", details: { changed, webhookHost: next.webhook.url ? new URL(next.webhook.url).host : null } });
  return next;
}

/** "whsec_…a1b2": enough to tell two secrets apart, not enough to sign. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 6)}…${secret.slice(-4)}`;
}

/** A new webhook secret, stored and audited; returned once for the person to copy. */
export async function rotateWebhookSecret(db: Kysely<Database>, actor: Actor): Promise<string> {
  const settings = await getStoreSettings(db);
  const secret = newWebhookSecret();
  await setStoreSettings(db, { ...settings, webhook: { ...settings.webhook, secret } });
  await recordAudit(db, { actor, action: "notifications.webhook_secret_rotated", details: { masked: maskSecret(secret) } });
  return secret;
}

/** Queues a `test` message to the webhook (the runner signs and sends it); a fresh key each time. */
export async function queueWebhookTest(db: Kysely<Database>, actor: Actor, now = new Date()): Promise<{ dedupeKey: string }> {
  const settings = await getStoreSettings(db);
  if (!settings.webhook.url) throw new ValidationError("Set the webhook URL first", "webhookUrl");
  const dedupeKey = `test:${now.toISOString()}:${randomBytes(6).toString("hex")}`;
  await enqueue(db, [{ dedupeKey, kind: "test", topic: "test", memberId: null, channel: "webhook", payload: { event: "test", body: { message: "Test from the Chariow dashboard", requestedBy: actor.email, at: now.toISOString() } } }], now);
  await recordAudit(db, { actor, action: "notifications.webhook_test", target: dedupeKey, details: { host: new URL(settings.webhook.url).host } });
  return { dedupeKey };
}
