// GET /api/team/members/export.csv: the team as CSV (team:read and export:csv, like the
// list itself: owners and admins), audited as `team.members.export`.
// French interface → Excel-French preset (`;`), English → standard (`,`); `?preset=` overrides.
import { recordAudit } from "@/lib/audit";
import { headerRow, instantCell } from "@/lib/csv/cells";
import { csvResponse } from "@/lib/csv/csv-stream";
import { csvExportRoute } from "@/lib/csv/export-route";
import { codeLabel } from "@/lib/format/codes";
import { listMembers } from "@/lib/team";

const COLUMNS = ["email", "name", "role", "createdAt"] as const;

export const GET = csvExportRoute({ exportOf: "team:read" }, async ({ db, preset, labels, translator, actor, timeZone }) => {
  const labelled = await labels("csv", COLUMNS);
  const tCodes = await translator("Codes");
  const members = await listMembers(db);
  return csvResponse(
    "team-members.csv",
    // In the store's time zone, named in the header, like every other export's instants.
    headerRow(COLUMNS, labelled, timeZone, ["createdAt"]),
    members.map((m) => [m.email, m.name, codeLabel(tCodes, "role", m.role), instantCell(m.createdAt, timeZone)]),
    preset,
    { onEnd: ({ rowCount, completed }) => recordAudit(db, { actor, action: "team.members.export", details: { rows: rowCount, preset, completed } }) },
  );
});
