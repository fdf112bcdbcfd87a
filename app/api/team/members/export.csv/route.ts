// GET /api/team/members/export.csv: the team as CSV (export:csv). French interface → Excel-French
// preset (`;`), English → standard (`,`); `?preset=` overrides.
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { csvResponse } from "@/lib/csv/csv-stream";
import { getDb } from "@/lib/db";
import { currentLocale } from "@/lib/i18n/request";
import { route } from "@/lib/http/route";
import { listMembers } from "@/lib/team";

const query = z.object({ preset: z.enum(["excel-fr", "standard"]).optional() });

export const GET = route({ permission: "export:csv", schema: query }, async ({ input }) => {
  const locale = await currentLocale();
  const preset = input.preset ?? (locale === "fr" ? "excel-fr" : "standard");
  const t = await getTranslations({ locale, namespace: "csv" });
  const tRoles = await getTranslations({ locale, namespace: "roles" });
  const members = await listMembers(await getDb());
  return csvResponse(
    "team-members.csv",
    [t("email"), t("name"), t("role"), t("createdAt")],
    members.map((m) => [m.email, m.name, tRoles(m.role), m.createdAt]),
    preset,
  );
});
