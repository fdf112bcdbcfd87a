// POST /api/recovery/leads/:id/checkout-link {discountCode?, retryUnknown?}: the lead's exact recovery link,
// made once with Chariow's POST /checkout (a sale on the api channel) or the stored one — recovery:write.
// Errors by code: lead_not_found 404, lead_not_recoverable / lead_incomplete / checkout_in_progress 409,
// checkout_outcome_unknown 502 (no answer: a sale may exist; 409 when read again), checkout_refused 502,
// discount_code_refused 400 (field discountCode), chariow_rate_limited 503, not_connected 503.
// GET: the stored link, or null — recovery:read.
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";
import { createExactRecoveryLink, exactLinkBodySchema, getExactRecoveryLink } from "@/lib/recovery";
import { getChariowClient } from "@/lib/store/chariow-connection";

export const POST = route({ permission: "recovery:write", params: idParams, schema: exactLinkBodySchema }, async ({ params, input, actor }) => {
  return { ...(await createExactRecoveryLink(await getDb(), params.id, input, actor, { client: getChariowClient() })) };
});

export const GET = route({ permission: "recovery:read", params: idParams }, async ({ params }) => {
  return { link: await getExactRecoveryLink(await getDb(), params.id) };
});
