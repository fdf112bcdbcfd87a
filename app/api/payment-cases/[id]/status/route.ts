// POST /api/payment-cases/{id}/status {status: open|sent|resolved}: move the case (cases:write; audited).
// 409 `case_move_refused` for a move CASE_MOVES does not allow, `case_already_open` (+ caseId) when
// reopening while the sale has another case not resolved.
import { getDb } from "@/lib/db";
import { idParams } from "@/lib/http/schemas";
import { route } from "@/lib/http/route";
import { CaseAlreadyOpenError, caseAlreadyOpenResponse, moveCase, moveCaseSchema } from "@/lib/payment-cases";

export const POST = route({ permission: "cases:write", params: idParams, schema: moveCaseSchema }, async ({ params, input, actor }) => {
  try {
    return { case: await moveCase(await getDb(), actor, params.id, input.status) };
  } catch (error) {
    if (error instanceof CaseAlreadyOpenError) return caseAlreadyOpenResponse(error);
    throw error;
  }
});
