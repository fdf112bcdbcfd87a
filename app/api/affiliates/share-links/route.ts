// GET /api/affiliates/share-links?code=… (affiliates:read): the affiliate page links, with their last visit.
// POST /api/affiliates/share-links {code, expiresInDays?} (affiliates:share): a new link for an affiliate the
// dashboard knows; the answer carries the token's URL — the only time it is ever shown. Audited.
// docs/affiliate-links.md.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { affiliateCodeSchema } from "@/lib/affiliates/lookup";
import { createShareLink, createShareLinkSchema, listShareLinks } from "@/lib/affiliate-share/links";

export const GET = route({ permission: "affiliates:read", schema: z.object({ code: affiliateCodeSchema.optional() }) }, async ({ input }) => {
  return { links: await listShareLinks(await getDb(), input.code) };
});

export const POST = route({ permission: "affiliates:share", schema: createShareLinkSchema }, async ({ input, actor }) => {
  const { link, token } = await createShareLink(await getDb(), input, actor);
  return Response.json({ link, path: `/a/${token}` }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
