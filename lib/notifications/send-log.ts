// The send log (issue 19: "every send recorded and visible to owners/admins"): the outbox's rows as who
// (the member's e-mail, or the store's webhook), what (kind and topic), channel, result (status, attempts,
// last error) and when — newest first, one page for Settings, and the whole log as CSV read in keyset
// batches on (created_at, id) so it streams in constant memory. Never the payload (it holds the message
// and an unsubscribe link). The export is audited as `notifications.send_log.export`.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { instantCell, withTimeZone } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db/schema";

export interface SendLogEntry {
  id: string;
  /** The member's e-mail; null for the store's webhook (or a member since removed: their rows go with them). */
  to: string | null;
  kind: string;
  topic: string;
  channel: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom("notification_outbox")
    .leftJoin("users", "users.id", "notification_outbox.member_id")
    .select([
      "notification_outbox.id",
      "notification_outbox.kind",
      "notification_outbox.topic",
      "notification_outbox.channel",
      "notification_outbox.status",
      "notification_outbox.attempts",
      "notification_outbox.last_error",
      "notification_outbox.created_at",
      "notification_outbox.sent_at",
      "users.email",
    ])
    .orderBy("notification_outbox.created_at", "desc")
    .orderBy("notification_outbox.id", "desc");
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];
const toEntry = (r: Row): SendLogEntry => ({
  id: r.id,
  to: r.email,
  kind: r.kind,
  topic: r.topic,
  channel: r.channel,
  status: r.status,
  attempts: Number(r.attempts),
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/** One page, newest first (ask for one more than the page size to know whether a next page exists). */
export async function sendLogPage(db: Kysely<Database>, opts: { limit: number; offset: number }): Promise<SendLogEntry[]> {
  return (await baseQuery(db).limit(opts.limit).offset(opts.offset).execute()).map(toEntry);
}

async function* batches(db: Kysely<Database>, batch: number): AsyncGenerator<SendLogEntry[]> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    let query = baseQuery(db).limit(batch);
    if (after) {
      const { at, id } = after;
      query = query.where((eb) => eb.or([eb("notification_outbox.created_at", "<", at), eb.and([eb("notification_outbox.created_at", "=", at), eb("notification_outbox.id", "<", id)])]));
    }
    const rows = (await query.execute()).map(toEntry);
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.createdAt, id: last.id };
  }
}

export const SEND_LOG_EXPORT_COLUMNS = ["createdAt", "to", "kind", "topic", "channel", "status", "attempts", "lastError", "sentAt"] as const;
export type SendLogExportColumn = (typeof SEND_LOG_EXPORT_COLUMNS)[number];

export function exportSendLogCsv(
  db: Kysely<Database>,
  req: { preset: CsvPreset; timeZone: string; labels: Record<SendLogExportColumn, string>; webhookLabel: string; actor: Actor },
  batch = 2_000,
): Response {
  const { labels, timeZone, preset } = req;
  const header = [withTimeZone(labels.createdAt, timeZone), labels.to, labels.kind, labels.topic, labels.channel, labels.status, labels.attempts, labels.lastError, withTimeZone(labels.sentAt, timeZone)];
  async function* rows() {
    for await (const entries of batches(db, batch)) {
      yield entries.map((e) => [instantCell(e.createdAt, timeZone), e.to ?? (e.channel === "webhook" ? req.webhookLabel : null), e.kind, e.topic, e.channel, e.status, String(e.attempts), e.lastError, instantCell(e.sentAt, timeZone)]);
    }
  }
  return csvResponse(`notification-send-log-${new Date().toISOString().slice(0, 10)}.csv`, header, rows(), preset, {
    batches: true,
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "notifications.send_log.export", details: { rows: rowCount, preset, completed } });
    },
  });
}
