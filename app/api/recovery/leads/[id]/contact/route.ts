// GET /api/recovery/leads/:id/contact?locale: recovery link (Pulse checkout.url, else the product's checkout
// link through the store info service; null when none is known), prefilled message, wa.me link or why not.
// POST: audits a contact attempt (copied link, opened WhatsApp or e-mail) — recovery:write.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { idParams, localeField } from "@/lib/http/schemas";
import { buildLeadMessage, recordLeadContact, recoveryContactChannelSchema } from "@/lib/recovery";
import { storeCatalogueLinks } from "@/lib/store/catalogue-links";

export const GET = route({ permission: "recovery:read", params: idParams, schema: z.object({ locale: localeField.default("fr") }) }, async ({ params, input }) => {
  const message = await buildLeadMessage(await getDb(), params.id, input.locale, storeCatalogueLinks);
  if (!message) throw new NotFoundError("Unknown sale");
  return { ...message };
});

export const POST = route({ permission: "recovery:write", params: idParams, schema: z.object({ channel: recoveryContactChannelSchema }) }, async ({ params, input, actor }) => {
  await recordLeadContact(await getDb(), actor, params.id, input.channel);
  return { ok: true };
});
