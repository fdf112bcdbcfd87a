// CSV of the filtered licences under the shared export rules (lib/csv; header in the member's language
// from messages Exports.licences, values as codes). Keys are masked unless the
// caller asked for them in clear AND may (licences:keys, checked by the route); audited either way.
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import { instantCell, headerRow } from "@/lib/csv/cells";
import { csvResponse, type CsvPreset } from "@/lib/csv/csv-stream";
import type { Database } from "@/lib/db";
import { UNKNOWN_SALE } from "@/lib/mirror";
import { licencesQuery } from "./list-licences";
import { maskLicenceKey, type LicencesQuery } from "./schemas";

export const LICENCE_EXPORT_COLUMNS = ["licenceId", "licenceKey", "status", "activations", "maxActivations", "expiresAt", "productId", "product", "customerName", "customerEmail", "saleId"] as const;
export type LicenceExportColumn = (typeof LICENCE_EXPORT_COLUMNS)[number];

export async function exportLicencesCsv(
  db: Kysely<Database>,
  req: { query: LicencesQuery; keys: "masked" | "clear"; preset: CsvPreset; timeZone: string; labels: Record<LicenceExportColumn, string>; actor: Actor; now?: Date },
): Promise<Response> {
  const rows = await licencesQuery(db, req.query, req.now ?? new Date()).execute();
  const header = headerRow(LICENCE_EXPORT_COLUMNS, req.labels, req.timeZone, ["expiresAt"]);
  const cells = rows.map((r) => [
    r.licenceId, req.keys === "clear" ? r.key : maskLicenceKey(r.key), r.status, r.activations, r.maxActivations, instantCell(r.expiresAt, req.timeZone),
    r.productId, r.productName, r.customerName, r.customerEmail, r.saleId === UNKNOWN_SALE ? null : r.saleId,
  ]);
  return csvResponse(`licences-${req.keys}.csv`, header, cells, req.preset, {
    onEnd: async ({ rowCount, completed }) => {
      await recordAudit(db, { actor: req.actor, action: "licences.export", target: "licences", details: { keys: req.keys, filters: req.query, rows: rowCount, preset: req.preset, completed } });
    },
  });
}
