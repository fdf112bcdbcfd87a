// POST /api/pulses: Chariow's webhooks. No session and no same-origin check (Chariow's servers send
// neither): the HMAC signature over the raw body IS the authentication (chariow-api.md §8). Stores the
// delivery and answers at once; the in-process queue applies it to the mirror.
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { receivePulse } from "@/lib/pulses";
import { getPulseQueue } from "@/lib/pulses/runtime";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  try {
    return await receivePulse(req, { db: await getDb(), secrets: getEnv().CHARIOW_PULSE_SECRETS, onAccepted: (id) => getPulseQueue().enqueue(id) });
  } catch (error) {
    // A non-2xx makes Chariow retry later (§8), which is what a database outage needs.
    console.error("[pulses] could not record a delivery", error);
    return Response.json({ error: { code: "internal", message: "Internal error" } }, { status: 500, headers: { "Cache-Control": "no-store" } });
  }
}
