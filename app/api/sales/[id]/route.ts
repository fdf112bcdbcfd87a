// GET /api/sales/{id}: the sale detail, live from Chariow when it answers, else the mirror with a notice.
// Fees, net, settlement and payout date only with settlements:read (lib/sales/financial-fields.ts).
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { idParams } from "@/lib/http/schemas";
import { route } from "@/lib/http/route";
import { getSaleDetail, salesContext } from "@/lib/sales";
import { saleDetailForRole } from "@/lib/sales/financial-fields";
import { getChariowClient } from "@/lib/store/chariow-connection";

export const GET = route({ permission: "sales:read", params: idParams }, async ({ params, member }) => {
  const db = await getDb();
  const { timeZone } = await salesContext(db);
  const detail = await getSaleDetail(db, params.id, { client: getChariowClient(), timeZone });
  if (!detail) throw new NotFoundError("No such sale");
  return { ...detail, sale: saleDetailForRole(detail.sale, member.role) };
});
