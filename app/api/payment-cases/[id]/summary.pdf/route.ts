// GET /api/payment-cases/{id}/summary.pdf: the case's summary for Chariow's support as a PDF download, in
// the member's language (cases:read; audited as payment_case.summary). Never cached: it holds the customer's contact.
import { caseSummaryRoute } from "@/lib/payment-cases/summary-route";

export const GET = caseSummaryRoute("pdf");
