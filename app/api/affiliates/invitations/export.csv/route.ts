// GET /api/affiliates/invitations/export.csv: the filtered invitations as CSV (affiliates:read and export:csv), audited.
import { csvPresetSchema } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { exportInvitationsCsv } from "@/lib/affiliates/export";
import { invitationsFilterSchema } from "@/lib/affiliates/queries";
import { defaultPresetForRequest } from "@/lib/affiliates/locale-preset";

const query = invitationsFilterSchema.extend({ preset: csvPresetSchema.optional() });

export const GET = route({ exportOf: "affiliates:read", schema: query }, async ({ input, actor }) => {
  const db = await getDb();
  const { preset, ...filter } = input;
  return exportInvitationsCsv(db, filter, { preset: preset ?? (await defaultPresetForRequest()), timeZone: await getStoreTimeZone(db), actor });
});
