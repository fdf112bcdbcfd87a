// The whole Pulse delivery log as CSV (Settings shows only the newest entries): accepted and refused
// deliveries merged newest first, each table read in keyset batches on (received_at, id) so the log
// streams in constant memory. Metadata only, like the page: never a body or a secret. Audited as
// `pulses.log.export` when the stream ends.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { instantCell, withTimeZone } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";

export const PULSE_LOG_EXPORT_COLUMNS = ["receivedAt", "event", "pulse", "deliveryId", "status", "detail"] as const;
export type PulseLogExportColumn = (typeof PULSE_LOG_EXPORT_COLUMNS)[number];

const BATCH = 2_000;

type Db = Kysely<Database>;
type LogLine = { receivedAt: string; id: number; rejected: boolean; pulseId: string | null; event: string | null; deliveryId: string | null; status: string; detail: string | null };

async function* deliveries(db: Db, batch: number): AsyncGenerator<LogLine> {
  let after: { at: string; id: number } | null = null;
  for (;;) {
    let query = db.selectFrom("pulse_deliveries").select(["id", "received_at", "pulse_id", "event", "delivery_id", "status", "detail"]).orderBy("received_at", "desc").orderBy("id", "desc").limit(batch);
    if (after) {
      const { at, id } = after;
      query = query.where((eb) => eb.or([eb("received_at", "<", at), eb.and([eb("received_at", "=", at), eb("id", "<", id)])]));
    }
    const rows = await query.execute();
    for (const r of rows) yield { receivedAt: r.received_at, id: Number(r.id), rejected: false, pulseId: r.pulse_id, event: r.event, deliveryId: r.delivery_id, status: r.status, detail: r.detail };
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { at: last.received_at, id: Number(last.id) };
  }
}

async function* rejections(db: Db, batch: number): AsyncGenerator<LogLine> {
  let after: { at: string; id: number } | null = null;
  for (;;) {
    let query = db.selectFrom("pulse_rejections").select(["id", "received_at", "pulse_id", "event", "reason", "source", "repeat_count"]).orderBy("received_at", "desc").orderBy("id", "desc").limit(batch);
    if (after) {
      const { at, id } = after;
      query = query.where((eb) => eb.or([eb("received_at", "<", at), eb.and([eb("received_at", "=", at), eb("id", "<", id)])]));
    }
    const rows = await query.execute();
    for (const r of rows) yield { receivedAt: r.received_at, id: Number(r.id), rejected: true, pulseId: r.pulse_id, event: r.event, deliveryId: null, status: "rejected", detail: refusalDetail(r) };
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { at: last.received_at, id: Number(last.id) };
  }
}

/** The reason, "×N" on a source's counter row (refusals beyond its hourly allowance), and the source. */
function refusalDetail(r: { reason: string; source: string | null; repeat_count: number }): string {
  return `${r.reason}${Number(r.repeat_count) > 1 ? ` ×${r.repeat_count}` : ""}${r.source ? ` (${r.source})` : ""}`;
}

/** Newer first; at the same instant a refusal before a delivery, then the later id first. */
function comesFirst(a: LogLine, b: LogLine): boolean {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt > b.receivedAt;
  if (a.rejected !== b.rejected) return a.rejected;
  return a.id > b.id;
}

/** Both tables merged in log order, one row in memory per table. */
export async function* iteratePulseLog(db: Db, batch = BATCH): AsyncGenerator<LogLine> {
  const sources = [deliveries(db, batch), rejections(db, batch)];
  const heads = await Promise.all(sources.map((s) => s.next()));
  for (;;) {
    const live = [0, 1].filter((i) => !heads[i].done);
    if (live.length === 0) return;
    const pick = live.length === 1 ? live[0] : comesFirst(heads[0].value as LogLine, heads[1].value as LogLine) ? 0 : 1;
    yield heads[pick].value as LogLine;
    heads[pick] = await sources[pick].next();
  }
}

export type PulseLogExportRequest = { preset: CsvPreset; timeZone: string; labels: Record<PulseLogExportColumn, string>; actor: Actor };

export function exportPulseLogCsv(db: Db, req: PulseLogExportRequest, batch = BATCH): Response {
  const { labels, timeZone, preset } = req;
  const header = [withTimeZone(labels.receivedAt, timeZone), labels.event, labels.pulse, labels.deliveryId, labels.status, labels.detail];
  async function* rows() {
    for await (const l of iteratePulseLog(db, batch)) yield [instantCell(l.receivedAt, timeZone), l.event, l.pulseId, l.deliveryId, l.status, l.detail];
  }
  return csvResponse(`pulse-log-${new Date().toISOString().slice(0, 10)}.csv`, header, rows(), preset, {
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "pulses.log.export", details: { rows: rowCount, preset, completed } });
    },
  });
}
