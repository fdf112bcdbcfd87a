// DELETE /api/affiliates/share-links/{id} (affiliates:share): revokes the link at once — its page answers
// 404 from the next request, like an unknown token. Audited. docs/affiliate-links.md.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { revokeShareLink } from "@/lib/affiliate-share/links";

export const DELETE = route({ permission: "affiliates:share", params: z.object({ id: z.string().min(1).max(100) }) }, async ({ params, actor }) => {
  return { link: await revokeShareLink(await getDb(), params.id, actor) };
});
