// GET /api/licences?status&product&expiringWithinDays&q&sort&dir&page&size: one page of the licences view,
// keys masked (fulfilment:read).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { licencesListSchema, listLicences } from "@/lib/licences";

export const GET = route({ permission: "fulfilment:read", schema: licencesListSchema }, async ({ input }) => {
  return listLicences(await getDb(), input);
});
