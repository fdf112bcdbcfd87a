// GET /api/downloads/sales/:id/contact?locale: the access-resend message, wa.me link or why not, mailto.
// POST {channel}: audits a contact attempt (opened WhatsApp or e-mail) — fulfilment:write.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { buildAccessMessage, contactChannelSchema, recordAccessContact } from "@/lib/downloads";
import { route } from "@/lib/http/route";
import { idParams, localeField } from "@/lib/http/schemas";

export const GET = route({ permission: "fulfilment:read", params: idParams, schema: z.object({ locale: localeField.default("fr") }) }, async ({ params, input }) => {
  return { ...(await buildAccessMessage(await getDb(), params.id, input.locale)) };
});

export const POST = route({ permission: "fulfilment:write", params: idParams, schema: z.object({ channel: contactChannelSchema }) }, async ({ params, input, actor }) => {
  await recordAccessContact(await getDb(), actor, params.id, input.channel);
  return { ok: true };
});
