// GET/PUT /api/recovery/window: the attribution window in days, 1–90, default 14 (read: recovery:read;
// change: settings:manage, audited as recovery.window_changed).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getRecoveryWindowDays, recoveryWindowSchema, setRecoveryWindowDays } from "@/lib/recovery";

export const GET = route({ permission: "recovery:read" }, async () => ({ days: await getRecoveryWindowDays(await getDb()) }));

export const PUT = route({ permission: "settings:manage", schema: recoveryWindowSchema }, async ({ input, actor }) => {
  const { days, previous } = await setRecoveryWindowDays(await getDb(), input, actor);
  return { days, previous };
});
