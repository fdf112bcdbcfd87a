// GET /api/health (public): database and upstream status for load balancers and operators. Nothing
// secret: no URL, no key, no error text.
import { route } from "@/lib/http/route";
import { isDatabaseHealthy } from "@/lib/store/database-health";
import { getUpstreamHealth } from "@/lib/store/upstream-health";

export const dynamic = "force-dynamic";

export const GET = route({ auth: false }, async () => {
  const [database, upstream] = await Promise.all([isDatabaseHealthy(), getUpstreamHealth()]);
  const body = { status: database ? "ok" : "error", database: database ? "ok" : "error", upstream };
  return Response.json(body, { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
