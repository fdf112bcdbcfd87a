// The notification runner (issue 19, docs/notifications.md): on every instance, once a minute,
// (1) decides the digests that are due (each member's hour in the store's zone) and the alerts the
// detectors raise, each as outbox rows unique by their idempotency key, then (2) delivers the due rows it
// manages to claim. Deciding twice (two instances, a restart) inserts nothing new; claiming is one
// conditional UPDATE per row, so each message is sent by one worker — "sent once" across instances.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { can, type Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/schema";
import { localHour } from "./local-hour";
import type { AlertEvent } from "./alerts/types";
import type { EmailSender } from "./channels/email";
import { getVapidKeys, sendPush } from "./channels/push";
import { postWebhook } from "./channels/webhook";
import { composeDigest, isMonday, type DigestFigures, type DigestKind } from "./digest";
import { claimDue, enqueue, hasMessage, sentInLastHour, settle, type OutboxMessage, type OutboxRow } from "./outbox";
import { membersWithPreferences, type NotificationPreferences } from "./preferences";
import { emailHtml, renderDigest, translatorFor, type RenderedMessage } from "./render";
import { getStoreSettings } from "./store-settings";
import { unsubscribeUrl } from "./unsubscribe";

export interface NotificationDeps {
  db: Kysely<Database>;
  instanceId: string;
  timeZone: () => Promise<string>;
  storeName: () => Promise<string>;
  appUrl: string;
  authSecret: string;
  /** Null when SMTP_URL is unset: e-mail is not a channel then. */
  email: EmailSender | null;
  fetch?: typeof fetch;
  /** The TLS agent for push services (tests: a local push service with its own certificate). */
  pushAgent?: import("node:https").Agent;
  /**
   * Whether the mirror holds the store's history (the first backfill done): until then a digest would say
   * "no sale" and be sent once for the day, so digests wait. Absent: always ready (tests fill the mirror).
   */
  ready?: () => Promise<boolean>;
  /** The alert rules to evaluate on each tick (lib/notifications/alerts). */
  detectors?: ((ctx: { db: Kysely<Database>; now: Date; timeZone: string }) => Promise<AlertEvent[]>)[];
}

/** Member messages carry this; the webhook's payload is the event's JSON. */
export type MemberPayload = RenderedMessage & { to: string | null; unsubscribeUrl: string | null };
export type WebhookPayload = { event: string; body: unknown };

const DIGEST_PERMISSION = "analytics:read";

/** The outbox rows of one rendered message for a member: e-mail when configured and wanted, the in-app list always. */
function memberMessages(
  base: { dedupeKey: string; kind: OutboxMessage["kind"]; topic: string },
  member: { id: string; email: string; prefs: NotificationPreferences },
  rendered: RenderedMessage,
  channels: { email: boolean },
  unsubscribe: string | null,
): OutboxMessage[] {
  const payload: MemberPayload = { ...rendered, to: member.email, unsubscribeUrl: unsubscribe };
  const out: OutboxMessage[] = [{ ...base, dedupeKey: `${base.dedupeKey}:${member.id}:inapp`, memberId: member.id, channel: "inapp", payload }];
  if (channels.email) out.push({ ...base, dedupeKey: `${base.dedupeKey}:${member.id}:email`, memberId: member.id, channel: "email", payload });
  // Push only carries the title, body and link; the browsers are looked up when it is sent.
  if (member.prefs.push) out.push({ ...base, dedupeKey: `${base.dedupeKey}:${member.id}:push`, memberId: member.id, channel: "push", payload: { title: rendered.title, body: rendered.body, link: rendered.link } });
  return out;
}

/** Queues one member's digest under `key` (e-mail when configured and wanted, the in-app list always). */
async function queueDigest(deps: NotificationDeps, figures: DigestFigures, member: { id: string; email: string; prefs: NotificationPreferences }, key: string, now: Date): Promise<number> {
  const unsubscribe = unsubscribeUrl(deps.appUrl, deps.authSecret, member.id, figures.kind);
  const rendered = await renderDigest(figures, { locale: member.prefs.locale, storeName: await deps.storeName(), appUrl: deps.appUrl, unsubscribeUrl: unsubscribe });
  const messages = memberMessages({ dedupeKey: key, kind: `digest_${figures.kind}`, topic: figures.day }, member, rendered, { email: deps.email !== null && member.prefs.email }, unsubscribe);
  return enqueue(deps.db, messages, now);
}

/** Decides the digests due at `now`: each member's daily (and on Mondays weekly) digest once their hour has come. */
export async function scheduleDigests(deps: NotificationDeps, now = new Date()): Promise<number> {
  if (deps.ready && !(await deps.ready())) return 0;
  const timeZone = await deps.timeZone();
  const { hour, day } = localHour(timeZone, now);
  const settings = await getStoreSettings(deps.db);
  let queued = 0;
  const figures = new Map<DigestKind, DigestFigures>();
  for (const member of await membersWithPreferences(deps.db)) {
    if (!can(member.role as Role, DIGEST_PERMISSION) || hour < member.prefs.hour) continue;
    const kinds: DigestKind[] = [...(member.prefs.daily ? (["daily"] as const) : []), ...(member.prefs.weekly && isMonday(day) ? (["weekly"] as const) : [])];
    for (const kind of kinds) {
      const key = `digest:${kind}:${day}`;
      if (await hasMessage(deps.db, `${key}:${member.id}:inapp`)) continue;
      if (!figures.has(kind)) figures.set(kind, await composeDigest(deps.db, kind, { timeZone, now }));
      queued += await queueDigest(deps, figures.get(kind)!, member, key, now);
    }
  }
  // The store's webhook gets each digest's figures once (not per member).
  if (settings.webhook.url) {
    for (const [kind, d] of figures) {
      queued += await enqueue(deps.db, [{ dedupeKey: `digest:${kind}:${day}:webhook`, kind: `digest_${kind}`, topic: day, memberId: null, channel: "webhook", payload: { event: `digest.${kind}`, body: d } satisfies WebhookPayload }], now);
    }
  }
  return queued;
}

/**
 * `npm run digest -- --send-now`: the digest of `kind` for every member who may read it (or the one with
 * `memberEmail`), whatever their hour and even if today's was sent, queued under a key of its own
 * ("digest:<kind>:<day>:now-<instant>") and delivered at once. Returns the members it was queued for.
 */
export async function sendDigestNow(deps: NotificationDeps, { kind, memberEmail, now = new Date() }: { kind: DigestKind; memberEmail?: string; now?: Date }): Promise<string[]> {
  const timeZone = await deps.timeZone();
  const members = (await membersWithPreferences(deps.db)).filter((m) => can(m.role as Role, DIGEST_PERMISSION) && (memberEmail === undefined || m.email === memberEmail.trim().toLowerCase()));
  if (members.length === 0) return [];
  const figures = await composeDigest(deps.db, kind, { timeZone, now });
  const key = `digest:${kind}:${figures.day}:now-${now.toISOString()}`;
  for (const m of members) await queueDigest(deps, figures, m, key, now);
  await deliverDue(deps, now);
  return members.map((m) => m.email);
}

/**
 * Records each event once (alert_events) and, in the same transaction, queues it for every member allowed
 * to see it who has not muted it, and for the store's webhook. Returns the events that were new.
 */
export async function raiseAlerts(deps: NotificationDeps, events: readonly AlertEvent[], now = new Date()): Promise<AlertEvent[]> {
  const fresh: AlertEvent[] = [];
  if (events.length === 0) return fresh;
  const settings = await getStoreSettings(deps.db);
  const members = await membersWithPreferences(deps.db);
  const storeName = await deps.storeName();
  for (const event of events) {
    const rendered = new Map<string, { title: string; body: string }>();
    for (const m of members) if (!rendered.has(m.prefs.locale)) rendered.set(m.prefs.locale, await event.words(m.prefs.locale));
    const link = new URL(event.path, deps.appUrl).toString();
    const created = await deps.db.transaction().execute(async (trx) => {
      const result = await trx
        .insertInto("alert_events")
        .values({ id: randomUUID(), dedupe_key: event.dedupeKey, topic: event.topic, subject: event.subject, detected_at: now.toISOString(), payload: JSON.stringify(event.facts) })
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      const messages: OutboxMessage[] = [];
      for (const m of members) {
        if (!can(m.role as Role, event.permission) || m.prefs.muted.includes(event.topic)) continue;
        const words = rendered.get(m.prefs.locale)!;
        const unsubscribe = unsubscribeUrl(deps.appUrl, deps.authSecret, m.id, "alerts");
        const message = await alertMessage(words, { locale: m.prefs.locale, storeName, link, unsubscribeUrl: unsubscribe });
        messages.push(...memberMessages({ dedupeKey: `alert:${event.dedupeKey}`, kind: "alert", topic: event.topic }, m, message, { email: deps.email !== null && m.prefs.email && m.prefs.alertEmail }, unsubscribe));
      }
      if (settings.webhook.url) {
        messages.push({ dedupeKey: `alert:${event.dedupeKey}:webhook`, kind: "alert", topic: event.topic, memberId: null, channel: "webhook", payload: { event: `alert.${event.topic}`, body: { topic: event.topic, subject: event.subject, facts: event.facts, link, detectedAt: now.toISOString() } } satisfies WebhookPayload });
      }
      await enqueue(trx, messages, now);
      return true;
    });
    if (created) fresh.push(event);
  }
  return fresh;
}

async function alertMessage(words: { title: string; body: string }, o: { locale: NotificationPreferences["locale"]; storeName: string; link: string; unsubscribeUrl: string }): Promise<RenderedMessage> {
  const t = await translatorFor(o.locale, "Notifications.alert");
  const subject = t("subject", { store: o.storeName, title: words.title });
  const text = [words.title, "", words.body, "", t("open", { url: o.link }), "", t("unsubscribe", { url: o.unsubscribeUrl })].join("\n");
  const html = emailHtml(words.title, [{ lines: [words.body] }], [{ label: o.link, url: o.link }], o.storeName, { label: t("unsubscribeLink"), url: o.unsubscribeUrl });
  return { subject, text, html, title: words.title, body: words.body, link: o.link };
}

/** Sends one claimed row through its channel; returns the outcome the outbox records. */
async function deliverOne(deps: NotificationDeps, row: OutboxRow, cap: number, webhook: { url: string | null; secret: string }, now: Date) {
  const payload = JSON.parse(row.payload) as MemberPayload & WebhookPayload;
  switch (row.channel) {
    case "inapp":
      await deps.db
        .insertInto("notifications")
        .values({ id: randomUUID(), member_id: row.member_id!, dedupe_key: row.dedupe_key, kind: row.kind, topic: row.topic, title: payload.title, body: payload.body, link: payload.link, created_at: now.toISOString(), read_at: null })
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .execute();
      return { status: "sent" as const };
    case "email": {
      if (!deps.email) return { status: "skipped" as const, note: "SMTP_URL is not set" };
      if ((await sentInLastHour(deps.db, row.member_id!, now)) >= cap) return { status: "capped" as const, note: `more than ${cap} messages in an hour` };
      await deps.email.send({ to: payload.to!, subject: payload.subject, text: payload.text, html: payload.html, unsubscribeUrl: payload.unsubscribeUrl! });
      return { status: "sent" as const };
    }
    case "push": {
      if ((await sentInLastHour(deps.db, row.member_id!, now)) >= cap) return { status: "capped" as const, note: `more than ${cap} messages in an hour` };
      const delivered = await sendPush(deps.db, row.member_id!, { title: payload.title, body: payload.body, link: payload.link }, `mailto:dashboard@${new URL(deps.appUrl).hostname}`, deps.pushAgent);
      return delivered > 0 ? { status: "sent" as const } : { status: "skipped" as const, note: "no browser subscribed" };
    }
    case "webhook": {
      if (!webhook.url) return { status: "skipped" as const, note: "no webhook URL" };
      const body = JSON.stringify({ id: row.id, type: payload.event, createdAt: row.created_at, data: payload.body });
      await postWebhook({ url: webhook.url, secret: webhook.secret, body, event: payload.event, deliveryId: row.id, now }, deps.fetch);
      return { status: "sent" as const };
    }
    default:
      return { status: "skipped" as const, note: `no ${row.channel} channel` };
  }
}

/** Claims and sends what is due; each outcome recorded on its row (the send log). */
export async function deliverDue(deps: NotificationDeps, now = new Date()): Promise<{ sent: number; failed: number; other: number }> {
  const settings = await getStoreSettings(deps.db);
  const counts = { sent: 0, failed: 0, other: 0 };
  for (;;) {
    const rows = await claimDue(deps.db, deps.instanceId, now);
    if (rows.length === 0) return counts;
    for (const row of rows) {
      try {
        const outcome = await deliverOne(deps, row, settings.maxPerMemberPerHour, settings.webhook, now);
        await settle(deps.db, row, deps.instanceId, outcome, now);
        if (outcome.status === "sent") counts.sent++;
        else counts.other++;
      } catch (error) {
        counts.failed++;
        await settle(deps.db, row, deps.instanceId, { status: "retry", error: error instanceof Error ? error.message : String(error) }, now);
      }
    }
  }
}

/** One tick: digests due, alerts raised, then delivery. */
export async function runNotificationTick(deps: NotificationDeps, now = new Date()): Promise<{ queued: number; alerts: number; sent: number; failed: number }> {
  const queued = await scheduleDigests(deps, now);
  let alerts = 0;
  if (deps.detectors?.length) {
    const timeZone = await deps.timeZone();
    const events = (await Promise.all(deps.detectors.map((d) => d({ db: deps.db, now, timeZone })))).flat();
    alerts = (await raiseAlerts(deps, events, now)).length;
  }
  const { sent, failed } = await deliverDue(deps, now);
  return { queued, alerts, sent, failed };
}

/** Runs a tick every `intervalMs` (never two at once in this process) until stopped. */
export function startNotificationRunner(deps: NotificationDeps, intervalMs = 60_000): { stop(): Promise<void> } {
  // Web Push's VAPID keys exist from the first start on (the Settings page hands the public one to browsers).
  let running: Promise<unknown> = getVapidKeys(deps.db).catch((error: unknown) => console.error("[notifications] could not create the push keys", error));
  let stopped = false;
  const tick = () => {
    running = runNotificationTick(deps).catch((error: unknown) => console.error("[notifications] tick failed", error));
  };
  const timer = setInterval(() => {
    if (!stopped) void running.then(tick);
  }, intervalMs);
  timer.unref?.();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
