// The Pulse delivery log for Settings: accepted and refused deliveries, newest first, a page at a time,
// and a 24-hour summary — Chariow disables a Pulse after 5 failed deliveries, so failures must be visible
// at a glance.
// Failures are what Chariow really sent and we failed; unverified refusals (anyone can POST here) are
// counted apart, with a hint when they look like a wrong secret.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { WRONG_SECRET_REASONS, type PulseDeliveryStatus, type PulseLogEntry, type PulseLogSummary } from "./schemas";

type Db = Kysely<Database>;

/**
 * One page of the log, newest first: accepted and refused deliveries merged in SQL (UNION ALL), at the
 * same instant a refusal before a delivery and then the later id first — the CSV export's order
 * (export-pulse-log.ts), so a page and the file agree. Each side is cut to `offset + limit` rows first:
 * the page's rows are among them, and neither table is read further than the page needs.
 */
export async function listPulseLog(db: Db, { limit, offset = 0 }: { limit: number; offset?: number }): Promise<PulseLogEntry[]> {
  const reach = offset + limit;
  const deliveries = db
    .selectFrom("pulse_deliveries")
    .select([
      sql<string>`'d'`.as("kind"),
      "id",
      "received_at",
      "pulse_id",
      "event",
      "delivery_id",
      "status",
      "detail",
      sql<string | null>`null`.as("source"),
      sql<number>`1`.as("repeat_count"),
    ])
    .orderBy("received_at", "desc")
    .orderBy("id", "desc")
    .limit(reach);
  const rejections = db
    .selectFrom("pulse_rejections")
    .select([
      sql<string>`'r'`.as("kind"),
      "id",
      "received_at",
      "pulse_id",
      "event",
      sql<string | null>`null`.as("delivery_id"),
      sql<string>`'rejected'`.as("status"),
      "reason as detail",
      "source",
      "repeat_count",
    ])
    .orderBy("received_at", "desc")
    .orderBy("id", "desc")
    .limit(reach);
  // Each side in its own subquery: SQLite allows no ORDER BY / LIMIT on a member of a compound select.
  const merged = db.selectFrom(deliveries.as("d")).selectAll().unionAll(db.selectFrom(rejections.as("r")).selectAll());
  const rows = await db
    .selectFrom(merged.as("log"))
    .selectAll()
    .orderBy("received_at", "desc")
    .orderBy("kind", "desc") // 'r' before 'd'
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => {
    const rejected = r.kind === "r";
    return {
      key: `${r.kind}${r.id}`,
      receivedAt: r.received_at,
      pulseId: r.pulse_id,
      event: r.event,
      deliveryId: r.delivery_id,
      status: rejected ? "rejected" : (r.status as PulseDeliveryStatus),
      detail: r.detail,
      count: Number(r.repeat_count),
      source: r.source,
    };
  });
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

/** What the Settings page and GET /api/pulses/log show: one page of entries (`offset`) and the 24 h summary. */
export async function getPulseLog(db: Db, { limit, offset = 0 }: { limit: number; offset?: number }): Promise<{ entries: PulseLogEntry[]; summary: PulseLogSummary }> {
  const [entries, summary] = await Promise.all([listPulseLog(db, { limit, offset }), pulseLogSummary(db)]);
  return { entries, summary };
}
