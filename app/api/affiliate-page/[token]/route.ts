// GET /api/affiliate-page/{token}: public (the token is the authority) — what the affiliate page's live
// island polls: a version of the affiliate's figures that changes when a Pulse or a sync brings one of
// their sales. Unknown, revoked and expired tokens get the same 404; over the per-token or per-address
// limit, 429 with Retry-After. docs/affiliate-links.md.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { ThrottledError, NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { affiliateVersion } from "@/lib/affiliate-share/figures";
import { openShareLink } from "@/lib/affiliate-share/visit";

const NOT_FOUND = "No such page";

export const GET = route({ auth: false, params: z.object({ token: z.string().min(1).max(200) }) }, async ({ params, ip }) => {
  const db = await getDb();
  const visit = await openShareLink(db, params.token, ip);
  if (visit.kind === "throttled") throw new ThrottledError(visit.retryAfterSeconds);
  const version = visit.kind === "ok" ? await affiliateVersion(db, visit.link.code) : null;
  if (version === null) throw new NotFoundError(NOT_FOUND);
  return Response.json({ version }, { headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } });
});
