// One summary download (text or PDF) of a case, as the routes answer it: the case read, the summary built
// in the member's language and store's zone, rendered, and the download audited (`payment_case.summary`:
// it carries the customer's contact to outside the dashboard).
import "server-only";
import type { Kysely } from "kysely";
import { recordAudit, type Actor } from "@/lib/audit";
import type { Database } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { getCase } from "./cases";
import { buildCaseSummary, caseSummaryText, type SummaryContext } from "./summary";
import { renderCaseSummaryPdf } from "./summary-pdf";

export type SummaryFormat = "text" | "pdf";

export async function caseSummaryResponse(db: Kysely<Database>, actor: Actor, id: string, format: SummaryFormat, ctx: SummaryContext): Promise<Response> {
  const found = await getCase(db, id);
  if (!found) throw new NotFoundError(`No case ${id}`);
  const summary = buildCaseSummary(found, ctx);
  const body = format === "pdf" ? new Uint8Array(await renderCaseSummaryPdf(summary)) : caseSummaryText(summary);
  await recordAudit(db, { actor, action: "payment_case.summary", target: id, details: { saleId: found.saleId, format } });
  // Case ids are "case_" + hex: safe in a header as they are.
  const filename = `chariow-case-${found.id}.${format === "pdf" ? "pdf" : "txt"}`;
  return new Response(body, {
    headers: {
      "content-type": format === "pdf" ? "application/pdf" : "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

/** A 409 that says which case the sale already has, so the page can link to it. */
export function caseAlreadyOpenResponse(error: { code: string; message: string; caseId: string }): Response {
  return Response.json({ error: { code: error.code, message: error.message }, caseId: error.caseId }, { status: 409, headers: { "Cache-Control": "no-store" } });
}
