// CSV exports of the invitations list and the known affiliates (lib/csv rules: BOM, presets, formula
// neutralisation; header in the member's language from messages Exports.invitations / Exports.affiliates,
// values as codes), each audited with who, which filter and how many rows.
import "server-only";
import type { Kysely } from "kysely";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import { instantCell, moneyCell, decimalCell, headerRow } from "@/lib/csv/cells";
import type { Database } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit";
import { listInvitations, listKnownAffiliates, type InvitationsFilter, type KnownAffiliatesFilter } from "./queries";

type Common<K extends string> = { preset: CsvPreset; timeZone: string; labels: Record<K, string>; actor: Actor | null; now?: Date };

export const INVITATION_EXPORT_COLUMNS = ["email", "status", "acceptedVia", "affiliateCode", "sentAt", "expiresAt", "sentBy", "recordedAt"] as const;
export type InvitationExportColumn = (typeof INVITATION_EXPORT_COLUMNS)[number];
export const AFFILIATE_EXPORT_COLUMNS = ["code", "name", "email", "status", "source", "joinedAt", "commissionRatePercent", "currency", "paidSales", "revenue", "commission"] as const;
export type AffiliateExportColumn = (typeof AFFILIATE_EXPORT_COLUMNS)[number];

export async function exportInvitationsCsv(db: Kysely<Database>, filter: InvitationsFilter, o: Common<InvitationExportColumn>): Promise<Response> {
  const rows = await listInvitations(db, filter, o.now);
  const header = headerRow(INVITATION_EXPORT_COLUMNS, o.labels, o.timeZone, ["sentAt", "expiresAt", "recordedAt"]);
  const cells = rows.map((r) => [r.email, r.status, r.acceptedVia, r.affiliateCode, instantCell(r.sentAt, o.timeZone), instantCell(r.expiresAt, o.timeZone), r.sentBy, instantCell(r.recordedAt, o.timeZone)]);
  return csvResponse("affiliate-invitations.csv", header, cells, o.preset, {
    onEnd: (end) => recordAudit(db, { actor: o.actor, action: "affiliates.invitations.export", details: { filter, rows: end.rowCount, completed: end.completed } }),
  });
}

export async function exportKnownAffiliatesCsv(db: Kysely<Database>, filter: KnownAffiliatesFilter, o: Common<AffiliateExportColumn>): Promise<Response> {
  const { affiliates } = await listKnownAffiliates(db, filter);
  const header = headerRow(AFFILIATE_EXPORT_COLUMNS, o.labels, o.timeZone, ["joinedAt"]);
  // One line per affiliate and currency (an affiliate without attributed sales has one line without money).
  const cells = affiliates.flatMap((a) => {
    const base = [a.code, a.name, a.email, a.status, a.source, instantCell(a.joinedAt, o.timeZone), decimalCell(a.commissionRatePercent, o.preset)];
    if (a.totals.length === 0) return [[...base, null, 0, null, null]];
    return a.totals.map((t) => [...base, t.currency, t.sales, moneyCell(t.revenue, t.currency, o.preset), t.commission === null ? null : moneyCell(t.commission, t.currency, o.preset)]);
  });
  return csvResponse("affiliates.csv", header, cells, o.preset, {
    onEnd: (end) => recordAudit(db, { actor: o.actor, action: "affiliates.export", details: { filter, rows: end.rowCount, completed: end.completed } }),
  });
}
