// GET /api/team/members/export.csv: the team as CSV (team:read and export:csv, like the
// list itself: owners and admins), audited as `team.members.export`.
// French interface → Excel-French preset (`;`), English → standard (`,`); `?preset=` overrides.
import { recordAudit } from "@/lib/audit";
import { instantCell } from "@/lib/csv/cells";
import { csvResponse } from "@/lib/csv/csv-stream";
import { csvExportRoute } from "@/lib/csv/export-route";
import { codeLabel } from "@/lib/format/codes";
import { listMembers } from "@/lib/team";

const COLUMNS = ["email", "name", "role", "createdAt"] as const;

export const GET = csvExportRoute({ exportOf: "team:read" }, async ({ db, preset, labels, translator, actor }) => {
  const header = await labels("csv", COLUMNS);
  const tCodes = await translator("Codes");
  const members = await listMembers(db);
  return csvResponse(
    "team-members.csv",
    COLUMNS.map((c) => header[c]),
    // The header says "(UTC)": the same instant formatter as every other export, in UTC.
    members.map((m) => [m.email, m.name, codeLabel(tCodes, "role", m.role), instantCell(m.createdAt, "UTC")]),
    preset,
    { onEnd: ({ rowCount, completed }) => recordAudit(db, { actor, action: "team.members.export", details: { rows: rowCount, preset, completed } }) },
  );
});
