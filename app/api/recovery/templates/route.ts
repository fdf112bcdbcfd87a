// GET/PUT /api/recovery/templates: the FR/EN recovery messages (read: recovery:read; edit: settings:manage).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getRecoveryTemplates, recoveryTemplatesSchema, setRecoveryTemplates } from "@/lib/recovery";

export const GET = route({ permission: "recovery:read" }, async () => ({ templates: await getRecoveryTemplates(await getDb()) }));

export const PUT = route({ permission: "settings:manage", schema: recoveryTemplatesSchema }, async ({ input, actor }) => {
  const db = await getDb();
  await setRecoveryTemplates(db, input, actor);
  return { templates: await getRecoveryTemplates(db) };
});
