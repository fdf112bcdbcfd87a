// GET /api/sales/{id}: the sale detail, live from Chariow when it answers, else the mirror with a notice.
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { idParams } from "@/lib/http/schemas";
import { route } from "@/lib/http/route";
import { getSaleDetail, salesContext } from "@/lib/sales";
import { getChariowClient } from "@/lib/store/chariow-connection";

export const GET = route({ permission: "sales:read", params: idParams }, async ({ params }) => {
  const db = await getDb();
  const { timeZone } = await salesContext(db);
  const detail = await getSaleDetail(db, params.id, { client: getChariowClient(), timeZone });
  if (!detail) throw new NotFoundError("No such sale");
  return detail;
});
