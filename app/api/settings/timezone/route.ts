// PUT /api/settings/timezone {timeZone}: the store's reporting time zone (settings:manage). Saving a new
// zone recomputes every sale's local day and the daily rollups.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { changeStoreTimeZone } from "@/lib/settings/change-store-timezone";

const schema = z.object({ timeZone: z.string().min(1).max(64) });

export const PUT = route({ permission: "settings:manage", schema }, async ({ input, actor }) => changeStoreTimeZone(await getDb(), input.timeZone, actor));
