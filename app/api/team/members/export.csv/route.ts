// GET /api/team/members/export.csv: the team as CSV (team:read and export:csv, like the
// list itself: owners and admins), audited as `team.members.export`.
// French interface → Excel-French preset (`;`), English → standard (`,`); `?preset=` overrides.
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit";
import { instantCell } from "@/lib/csv/cells";
import { csvResponse } from "@/lib/csv/csv-stream";
import { getDb } from "@/lib/db";
import { currentLocale } from "@/lib/i18n/request";
import { route } from "@/lib/http/route";
import { listMembers } from "@/lib/team";

const query = z.object({ preset: z.enum(["excel-fr", "standard"]).optional() });

export const GET = route({ exportOf: "team:read", schema: query }, async ({ input, actor }) => {
  const locale = await currentLocale();
  const preset = input.preset ?? (locale === "fr" ? "excel-fr" : "standard");
  const t = await getTranslations({ locale, namespace: "csv" });
  const tRoles = await getTranslations({ locale, namespace: "roles" });
  const db = await getDb();
  const members = await listMembers(db);
  return csvResponse(
    "team-members.csv",
    [t("email"), t("name"), t("role"), t("createdAt")],
    // The header says "(UTC)": the same instant formatter as every other export, in UTC.
    members.map((m) => [m.email, m.name, tRoles(m.role), instantCell(m.createdAt, "UTC")]),
    preset,
    { onEnd: ({ rowCount, completed }) => recordAudit(db, { actor, action: "team.members.export", details: { rows: rowCount, preset, completed } }) },
  );
});
