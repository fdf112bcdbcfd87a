// GET /api/audit?limit&offset&before&action: the audit log, newest first (audit:read).
import { z } from "zod";
import { auditFilterSchema, listAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { limitField } from "@/lib/http/schemas";

const query = auditFilterSchema.extend({ limit: limitField, offset: z.coerce.number().int().min(0).max(10_000_000).default(0) });

export const GET = route({ permission: "audit:read", schema: query }, async ({ input }) => ({
  entries: await listAudit(await getDb(), input),
}));
