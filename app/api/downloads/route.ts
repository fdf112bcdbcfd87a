// GET /api/downloads?days&threshold: coverage, latest sales, "not accessed yet", unusual activity and
// engagement by product, from the mirror (fulfilment:read).
import { getDb } from "@/lib/db";
import { downloadsQuerySchema, downloadsReport } from "@/lib/downloads";
import { route } from "@/lib/http/route";

export const GET = route({ permission: "fulfilment:read", schema: downloadsQuerySchema }, async ({ input }) => {
  return { ...(await downloadsReport(await getDb(), input)) };
});
