// Web Push (issue 19, docs/notifications.md "Channels"): digests and alerts as notifications on the
// member's phone, through the browser's push service and the dashboard's service worker (sw/sw.ts shows
// them and opens the page on a tap). The VAPID keys are created on first start and kept in app_settings;
// each browser a member turns push on in is a row of push_subscriptions. A push service that answers 404 or
// 410 has forgotten the browser: its subscription is deleted.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Agent } from "node:https";
import webpush from "web-push";
import { z } from "zod";
import type { Database } from "@/lib/db/schema";

const KEY = "vapid";
type VapidKeys = { publicKey: string; privateKey: string };

/** The store's VAPID keys, created once (two instances starting together: the first one's win). */
export async function getVapidKeys(db: Kysely<Database>): Promise<VapidKeys> {
  const read = async () => (await db.selectFrom("app_settings").select("value").where("key", "=", KEY).executeTakeFirst())?.value;
  let value = await read();
  if (!value) {
    const fresh = webpush.generateVAPIDKeys();
    await db.insertInto("app_settings").values({ key: KEY, value: JSON.stringify(fresh), updated_at: new Date().toISOString() }).onConflict((oc) => oc.column("key").doNothing()).execute();
    value = (await read())!;
  }
  return JSON.parse(value) as VapidKeys;
}

export const pushSubscriptionSchema = z
  .object({
    endpoint: z.url({ protocol: /^https?$/ }).max(2000),
    keys: z.object({ p256dh: z.string().min(16).max(200), auth: z.string().min(8).max(100) }).strict(),
  })
  .strict();
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

/** Saves a browser's subscription for `memberId` (a browser re-subscribing under another member moves to them). */
export async function savePushSubscription(db: Kysely<Database>, memberId: string, s: PushSubscriptionInput, now = new Date()): Promise<void> {
  await db
    .insertInto("push_subscriptions")
    .values({ id: randomUUID(), member_id: memberId, endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth, created_at: now.toISOString() })
    .onConflict((oc) => oc.column("endpoint").doUpdateSet({ member_id: memberId, p256dh: s.keys.p256dh, auth: s.keys.auth, created_at: now.toISOString() }))
    .execute();
}

export async function deletePushSubscription(db: Kysely<Database>, memberId: string, endpoint: string): Promise<boolean> {
  const r = await db.deleteFrom("push_subscriptions").where("member_id", "=", memberId).where("endpoint", "=", endpoint).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countPushSubscriptions(db: Kysely<Database>, memberId: string): Promise<number> {
  const r = await db.selectFrom("push_subscriptions").select((eb) => eb.fn.countAll<number>().as("n")).where("member_id", "=", memberId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export class PushError extends Error {}

/**
 * Sends `message` to every browser of the member. Returns how many received it; throws PushError (the
 * outbox retries) when a push service failed for another reason than a forgotten browser.
 */
export async function sendPush(db: Kysely<Database>, memberId: string, message: { title: string; body: string; link: string }, subject: string, agent?: Agent): Promise<number> {
  const keys = await getVapidKeys(db);
  const subs = await db.selectFrom("push_subscriptions").selectAll().where("member_id", "=", memberId).execute();
  let delivered = 0;
  const errors: string[] = [];
  for (const s of subs) {
    try {
      await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, JSON.stringify(message), {
        vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: 6 * 3600,
        contentEncoding: "aes128gcm",
        timeout: 10_000,
        ...(agent ? { agent } : {}),
      });
      delivered++;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404 || status === 410) await db.deleteFrom("push_subscriptions").where("id", "=", s.id).execute();
      else errors.push(status ? `the push service answered ${status}` : error instanceof Error ? error.message : String(error));
    }
  }
  if (errors.length > 0 && delivered === 0) throw new PushError(errors[0]!);
  return delivered;
}
