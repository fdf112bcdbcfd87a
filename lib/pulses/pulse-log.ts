// The Pulse delivery log for Settings: accepted and refused deliveries, newest first, and a 24-hour
// summary — Chariow disables a Pulse after 5 failed deliveries, so failures must be visible at a glance.
// Failures are what Chariow really sent and we failed; unverified refusals (anyone can POST here) are
// counted apart, with a hint when they look like a wrong secret.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { WRONG_SECRET_REASONS, type PulseDeliveryStatus, type PulseLogEntry, type PulseLogSummary } from "./schemas";

type Db = Kysely<Database>;

export async function listPulseLog(db: Db, { limit }: { limit: number }): Promise<PulseLogEntry[]> {
  const [deliveries, rejections] = await Promise.all([
    db
      .selectFrom("pulse_deliveries")
      .select(["id", "received_at", "pulse_id", "event", "delivery_id", "status", "detail"])
      .orderBy("received_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute(),
    db
      .selectFrom("pulse_rejections")
      .select(["id", "received_at", "pulse_id", "event", "reason", "source", "repeat_count"])
      .orderBy("received_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute(),
  ]);
  const entries: PulseLogEntry[] = [
    ...deliveries.map((d) => ({
      key: `d${d.id}`,
      receivedAt: d.received_at,
      pulseId: d.pulse_id,
      event: d.event,
      deliveryId: d.delivery_id,
      status: d.status as PulseDeliveryStatus,
      detail: d.detail,
      count: 1,
      source: null,
    })),
    ...rejections.map((r) => ({
      key: `r${r.id}`,
      receivedAt: r.received_at,
      pulseId: r.pulse_id,
      event: r.event,
      deliveryId: null,
      status: "rejected" as const,
      detail: r.reason,
      count: Number(r.repeat_count),
      source: r.source,
    })),
  ];
  return entries.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : b.key.localeCompare(a.key))).slice(0, limit);
}

export async function pulseLogSummary(db: Db, now: Date = new Date()): Promise<PulseLogSummary> {
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const last = await db.selectFrom("pulse_deliveries").select("received_at").orderBy("received_at", "desc").limit(1).executeTakeFirst();
  const refusalsPerReason = (after: string) =>
    db
      .selectFrom("pulse_rejections")
      .select(["reason", (eb) => eb.fn.sum<string | number>("repeat_count").as("n")])
      .where("received_at", ">=", since)
      .where("received_at", ">", after)
      .groupBy("reason")
      .execute();
  const [byStatus, refusals, sinceVerified] = await Promise.all([
    db
      .selectFrom("pulse_deliveries")
      .select(["status", (eb) => eb.fn.countAll<string | number>().as("n")])
      .where((eb) => eb.or([eb("received_at", ">=", since), eb("status", "in", ["received", "processing"])]))
      .groupBy("status")
      .execute(),
    refusalsPerReason(""),
    refusalsPerReason(last?.received_at ?? ""),
  ]);
  const count = (...statuses: string[]) => byStatus.filter((r) => statuses.includes(r.status)).reduce((n, r) => n + Number(r.n), 0);
  // Counter rows stand for several refusals: sums of repeat_count, not row counts.
  const sum = (rows: typeof refusals, keep: (reason: string) => boolean) => rows.filter((r) => keep(r.reason)).reduce((n, r) => n + Number(r.n ?? 0), 0);
  const wrongSecret = WRONG_SECRET_REASONS as readonly string[];
  return {
    readAt: now.toISOString(),
    failuresLast24h: count("failed") + sum(refusals, (reason) => reason === "server_error"),
    rejectedLast24h: sum(refusals, (reason) => reason !== "server_error"),
    refusedSinceAccepted: sum(sinceVerified, (reason) => wrongSecret.includes(reason)),
    processedLast24h: count("processed", "stale"),
    lastReceivedAt: last?.received_at ?? null,
    pending: count("received", "processing"),
  };
}

/** What the Settings page and GET /api/pulses/log show: the newest entries and the 24 h summary. */
export async function getPulseLog(db: Db, { limit }: { limit: number }): Promise<{ entries: PulseLogEntry[]; summary: PulseLogSummary }> {
  const [entries, summary] = await Promise.all([listPulseLog(db, { limit }), pulseLogSummary(db)]);
  return { entries, summary };
}
