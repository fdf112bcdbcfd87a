// GET /api/sales/views: the member's saved Sales views; POST saves one ({name, query}), replacing a
// view of the same name.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { listSavedViews, saveView } from "@/lib/sales";

const body = z.object({ name: z.string().trim().min(1).max(80), query: z.string().max(2000) });

export const GET = route({ permission: "sales:read" }, async ({ member }) => ({ views: await listSavedViews(await getDb(), member.id, "sales") }));

export const POST = route({ permission: "sales:read", schema: body }, async ({ member, input }) => ({
  view: await saveView(await getDb(), { userId: member.id, tableKey: "sales", name: input.name, query: input.query }),
}));
