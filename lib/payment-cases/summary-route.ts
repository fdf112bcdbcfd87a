// The two summary downloads (text and PDF) of a case as one route definition: cases:read, the member's
// language, the store's time zone and name, audited as payment_case.summary by caseSummaryResponse.
import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { idParams } from "@/lib/http/schemas";
import { route } from "@/lib/http/route";
import { currentLocale } from "@/lib/i18n/request";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { getStoreName } from "@/lib/store/store-info";
import { caseSummaryResponse } from "./index";

export function caseSummaryRoute(format: "text" | "pdf") {
  return route({ permission: "cases:read", params: idParams }, async ({ params, actor }) => {
    const db = await getDb();
    const locale = await currentLocale();
    const t = await getTranslations({ locale, namespace: "PaymentCases.summary" });
    const tCodes = await getTranslations({ locale, namespace: "Codes" });
    return caseSummaryResponse(db, actor, params.id, format, {
      locale,
      timeZone: await getStoreTimeZone(db),
      storeName: await getStoreName(),
      generatedAt: new Date(),
      t: (key, values) => t(key, values),
      tCodes: (key) => tCodes(key),
    });
  });
}
