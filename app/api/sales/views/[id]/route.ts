// DELETE /api/sales/views/{id}: removes one of the member's own saved views.
import { getDb } from "@/lib/db";
import { idParams } from "@/lib/http/schemas";
import { route } from "@/lib/http/route";
import { deleteView } from "@/lib/sales";

export const DELETE = route({ permission: "sales:read", params: idParams }, async ({ member, params }) => {
  await deleteView(await getDb(), member.id, params.id);
  return { deleted: true };
});
