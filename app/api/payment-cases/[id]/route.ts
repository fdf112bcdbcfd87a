// GET /api/payment-cases/{id}: one case and its audit trail (cases:read).
// PATCH /api/payment-cases/{id}: replace what the member typed — operator reference, SMS, amount and day
// debited, note (cases:write; audited with the fields that changed).
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { idParams } from "@/lib/http/schemas";
import { route } from "@/lib/http/route";
import { caseAuditTrail, caseFieldsSchema, getCase, updateCaseFields } from "@/lib/payment-cases";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export const GET = route({ permission: "cases:read", params: idParams }, async ({ params }) => {
  const db = await getDb();
  const found = await getCase(db, params.id);
  if (!found) throw new NotFoundError(`No case ${params.id}`);
  return { case: found, audit: await caseAuditTrail(db, params.id) };
});

export const PATCH = route({ permission: "cases:write", params: idParams, schema: caseFieldsSchema }, async ({ params, input, actor }) => {
  const db = await getDb();
  return { case: await updateCaseFields(db, actor, params.id, input, { timeZone: await getStoreTimeZone(db) }) };
});
