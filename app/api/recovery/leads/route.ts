// GET /api/recovery/leads: the worklist and its analytics, attributed within the window setting (recovery:read;
// the analytics' sums of money only with settlements:read).
// POST /api/recovery/leads: mark contacted / won / lost, note, assign — one or many leads (recovery:write).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { defaultLeadRange, getRecoveryWindowDays, isOpenLead, leadActionSchema, listLeads, recoveryStats, recoveryStatsForRole, updateLeads, worklistQuerySchema } from "@/lib/recovery";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export const GET = route({ permission: "recovery:read", schema: worklistQuerySchema }, async ({ input, member }) => {
  const db = await getDb();
  const fallback = defaultLeadRange(await getStoreTimeZone(db));
  const range = { from: input.from ?? fallback.from, to: input.to ?? fallback.to };
  const windowDays = await getRecoveryWindowDays(db);
  const leads = await listLeads(db, range, { windowDays });
  return { range, windowDays, leads: input.include === "all" ? leads : leads.filter(isOpenLead), stats: recoveryStatsForRole(recoveryStats(leads), member.role) };
});

export const POST = route({ permission: "recovery:write", schema: leadActionSchema }, async ({ input, actor }) => {
  return updateLeads(await getDb(), actor, input);
});
