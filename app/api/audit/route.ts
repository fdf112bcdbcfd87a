// GET /api/audit?limit&before&action: the audit log, newest first (audit:read).
import { auditFilterSchema, listAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { limitField } from "@/lib/http/schemas";

const query = auditFilterSchema.extend({ limit: limitField });

export const GET = route({ permission: "audit:read", schema: query }, async ({ input }) => ({
  entries: await listAudit(await getDb(), input),
}));
