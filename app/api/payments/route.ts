// GET /api/payments: the Payments view's figures for one currency over a date range (analytics:read):
// success rate per method × country, failure codes, median checkout → payment time, mobile money vs card,
// the rate over time and what is degraded now. docs/api.md "Payments", docs/payments.md.
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getPaymentsReport } from "@/lib/payments/health";
import { paymentsQuerySchema } from "@/lib/payments/schemas";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";

export const GET = route({ permission: "analytics:read", schema: paymentsQuerySchema }, async ({ input }) => {
  const db = await getDb();
  return getPaymentsReport(db, input, { timeZone: await getStoreTimeZone(db) });
});
