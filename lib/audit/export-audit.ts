// The audit log as CSV under the Team page's filter (lib/csv rules: presets, BOM, formula-safe text,
// instants with the zone the header names), newest first, read in keyset batches on id so a years-long
// log streams in constant memory. The export is itself audited (`audit.export`) when the stream ends.
import "server-only";
import type { Kysely } from "kysely";
import { instantCell, TrustedCell, withTimeZone } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db/schema";
import { recordAudit, withAuditFilter, type Actor, type AuditFilter } from "./index";

export const AUDIT_EXPORT_COLUMNS = ["id", "at", "actor", "action", "target", "details", "ip"] as const;
export type AuditExportColumn = (typeof AUDIT_EXPORT_COLUMNS)[number];

const BATCH = 2_000;

export type AuditExportRequest = {
  filter: AuditFilter;
  preset: CsvPreset;
  timeZone: string;
  labels: Record<AuditExportColumn, string>;
  actor: Actor;
};

async function* auditBatches(db: Kysely<Database>, filter: AuditFilter, batch: number) {
  let beforeId: number | null = null;
  for (;;) {
    let query = withAuditFilter(db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(batch), filter);
    if (beforeId !== null) query = query.where("id", "<", beforeId);
    const rows = await query.execute();
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    // PostgreSQL's bigserial comes back as a string: the cursor is the number either way.
    beforeId = Number(rows[rows.length - 1].id);
  }
}

/** Every entry of `filter` as a streamed CSV response: id, instant in `timeZone`, who, action code, target, details (JSON), IP. */
export function exportAuditCsv(db: Kysely<Database>, req: AuditExportRequest, batch = BATCH): Response {
  const { labels, timeZone, preset } = req;
  const header = [labels.id, withTimeZone(labels.at, timeZone), labels.actor, labels.action, labels.target, labels.details, labels.ip];
  async function* rows() {
    for await (const entries of auditBatches(db, req.filter, batch)) {
      yield entries.map((e) => [new TrustedCell(String(e.id)), instantCell(e.at, timeZone), e.actor_email, e.action, e.target, e.details, e.ip]);
    }
  }
  return csvResponse(`audit-log-${new Date().toISOString().slice(0, 10)}.csv`, header, rows(), preset, {
    batches: true,
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "audit.export", details: { filter: req.filter, rows: rowCount, preset, completed } });
    },
  });
}
