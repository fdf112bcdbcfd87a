// GET /api/settlements/statement.pdf?month=YYYY-MM&currency=XOF: the month's payout statement of one
// currency as a PDF for the accountant (settlements:read), in the member's language, audited as
// `settlements.statement`. Never cached (it holds the store's figures).
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { currentLocale } from "@/lib/i18n/request";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { buildStatement, statementQuerySchema } from "@/lib/settlements/statement";
import { renderStatementPdf } from "@/lib/settlements/statement-pdf";
import { getStoreName } from "@/lib/store/store-info";

export const GET = route({ permission: "settlements:read", schema: statementQuerySchema }, async ({ input, actor }) => {
  const db = await getDb();
  const locale = await currentLocale();
  const timeZone = await getStoreTimeZone(db);
  const statement = await buildStatement(db, input, timeZone);
  const t = await getTranslations({ locale, namespace: "Statement" });
  const tCodes = await getTranslations({ locale, namespace: "Codes" });
  const pdf = await renderStatementPdf(statement, { storeName: await getStoreName(), locale, generatedAt: new Date(), t: (key, values) => t(key, values), tCodes: (key) => tCodes(key) });
  await recordAudit(db, { actor, action: "settlements.statement", details: { month: input.month, currency: input.currency, days: statement.days.length } });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="statement-${input.currency}-${input.month}.pdf"`,
      "cache-control": "no-store",
    },
  });
});
