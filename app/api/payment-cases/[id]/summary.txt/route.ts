// GET /api/payment-cases/{id}/summary.txt: the case's summary for Chariow's support as a text download, in
// the member's language (cases:read; audited as payment_case.summary). Never cached: it holds the customer's contact.
import { caseSummaryRoute } from "@/lib/payment-cases/summary-route";

export const GET = caseSummaryRoute("text");
