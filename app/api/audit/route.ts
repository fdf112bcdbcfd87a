// GET /api/audit?limit&before&action: the audit log, newest first (audit:read).
import { z } from "zod";
import { listAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { limitField } from "@/lib/http/schemas";

const query = z.object({
  limit: limitField,
  before: z.string().max(40).optional(),
  action: z.string().max(64).optional(),
});

export const GET = route({ permission: "audit:read", schema: query }, async ({ input }) => ({
  entries: await listAudit(await getDb(), input),
}));
