// POST /api/recovery/leads/:id/contacted {channel: whatsapp|email}: the merchant just opened the lead's
// WhatsApp chat or e-mail from the Recovery inbox (the link itself is in the page's HTML; this call is
// sent alongside, keepalive). An open lead becomes contacted, audited once; never a downgrade; a repeat
// changes nothing — recovery:write.
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";
import { leadContactedSchema, markLeadContacted } from "@/lib/recovery";

export const POST = route({ permission: "recovery:write", params: idParams, schema: leadContactedSchema }, async ({ params, input, actor }) => {
  return markLeadContacted(await getDb(), actor, params.id, input.channel);
});
