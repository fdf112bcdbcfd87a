// GET /api/pulses/log?limit&offset: one page of the Pulse delivery log and its 24-hour summary
// (settings:read — owners and admins). Metadata only: never a body or a secret.
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getPulseLog, pulseLogQuerySchema } from "@/lib/pulses";

export const GET = route({ permission: "settings:read", schema: pulseLogQuerySchema }, async ({ input }) => getPulseLog(await getDb(), input));
