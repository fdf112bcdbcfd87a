// GET /api/licences?status&product&expiringWithinDays: the licences view's rows, keys masked (fulfilment:read).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { LICENCES_PAGE_LIMIT, licencesQuerySchema, listLicences } from "@/lib/licences";

export const GET = route({ permission: "fulfilment:read", schema: licencesQuerySchema }, async ({ input }) => {
  return listLicences(await getDb(), input, { limit: LICENCES_PAGE_LIMIT });
});
