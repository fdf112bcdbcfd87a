// POST /api/licences/:id/reveal: one licence key in clear, audited as licence.reveal (fulfilment:write, every role).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";
import { revealLicenceKey } from "@/lib/licences";

export const POST = route({ permission: "fulfilment:write", params: idParams }, async ({ params, actor }) => {
  return revealLicenceKey(await getDb(), actor, params.id);
});
