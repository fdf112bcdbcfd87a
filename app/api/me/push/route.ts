// Web Push for the signed-in member (docs/notifications.md "Channels"): GET gives the VAPID public key the
// browser subscribes with and how many browsers of theirs are subscribed; POST saves this browser's
// subscription ({endpoint, keys: {p256dh, auth}}, what PushSubscription.toJSON() gives); DELETE {endpoint}
// removes it. Every role may manage their own browsers, nobody anyone else's: the member is the session's.
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { countPushSubscriptions, deletePushSubscription, getVapidKeys, pushSubscriptionSchema, savePushSubscription } from "@/lib/notifications/channels/push";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = route({}, async ({ member }) => {
  const db = await getDb();
  const [keys, subscriptions] = await Promise.all([getVapidKeys(db), countPushSubscriptions(db, member.id)]);
  return NextResponse.json({ publicKey: keys.publicKey, subscriptions }, { headers: NO_STORE });
});

export const POST = route({ schema: pushSubscriptionSchema }, async ({ input, member }) => {
  const db = await getDb();
  await savePushSubscription(db, member.id, input);
  return NextResponse.json({ subscriptions: await countPushSubscriptions(db, member.id) }, { status: 201, headers: NO_STORE });
});

export const DELETE = route({ schema: z.object({ endpoint: z.string().min(1).max(2000) }).strict() }, async ({ input, member }) => {
  const db = await getDb();
  const removed = await deletePushSubscription(db, member.id, input.endpoint);
  return NextResponse.json({ removed, subscriptions: await countPushSubscriptions(db, member.id) }, { headers: NO_STORE });
});
