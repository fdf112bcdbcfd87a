// GET /api/payment-cases?status&limit&offset: the "charged but sale failed" cases, last changed first, with
// the count per status (cases:read, every role).
// POST /api/payment-cases: open a case from a failed sale (cases:write, every role; docs/payments.md).
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { CaseAlreadyOpenError, caseAlreadyOpenResponse, countCases, listCases, listCasesQuerySchema, openCase, openCaseSchema } from "@/lib/payment-cases";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export const GET = route({ permission: "cases:read", schema: listCasesQuerySchema }, async ({ input }) => {
  const db = await getDb();
  return { cases: await listCases(db, input), counts: await countCases(db) };
});

export const POST = route({ permission: "cases:write", schema: openCaseSchema }, async ({ input, actor }) => {
  const db = await getDb();
  try {
    return { case: await openCase(db, actor, input, { timeZone: await getStoreTimeZone(db) }) };
  } catch (error) {
    if (error instanceof CaseAlreadyOpenError) return caseAlreadyOpenResponse(error);
    throw error;
  }
});
