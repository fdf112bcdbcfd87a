// GET /api/payment-cases/{id}/summary.pdf: the case's summary for Chariow's support as a pdf download, in
// the member's language (cases:read; audited as payment_case.summary). Never cached: it holds the customer's contact.
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { idParams } from "@/lib/http/schemas";
import { route } from "@/lib/http/route";
import { currentLocale } from "@/lib/i18n/request";
import { caseSummaryResponse } from "@/lib/payment-cases";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { getStoreName } from "@/lib/store/store-info";

export const GET = route({ permission: "cases:read", params: idParams }, async ({ params, actor }) => {
  const db = await getDb();
  const locale = await currentLocale();
  const t = await getTranslations({ locale, namespace: "PaymentCases.summary" });
  const tCodes = await getTranslations({ locale, namespace: "Codes" });
  return caseSummaryResponse(db, actor, params.id, "pdf", {
    locale,
    timeZone: await getStoreTimeZone(db),
    storeName: await getStoreName(),
    generatedAt: new Date(),
    t: (key, values) => t(key, values),
    tCodes: (key) => tCodes(key),
  });
});
