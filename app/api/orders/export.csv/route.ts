// GET /api/orders/export.csv?state&ids&preset: the courier CSV of the selected orders, or of the whole
// filter without ids (fulfilment:read and export:csv, so not support; audited). Headers in the user's language.
import { getTranslations } from "next-intl/server";
import { csvPresetSchema, defaultPresetFor } from "@/lib/csv/presets";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { currentLocale } from "@/lib/i18n/request";
import { COURIER_COLUMNS, exportOrdersCsv, ordersExportQuerySchema } from "@/lib/orders";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { today } from "@/lib/time";

export const GET = route({ exportOf: "fulfilment:read", schema: ordersExportQuerySchema.extend({ preset: csvPresetSchema.optional() }) }, async ({ input, actor }) => {
  const db = await getDb();
  const locale = await currentLocale();
  const t = await getTranslations({ locale, namespace: "orders.csv" });
  const headers = Object.fromEntries(COURIER_COLUMNS.map((c) => [c, t(c)])) as Record<(typeof COURIER_COLUMNS)[number], string>;
  const preset = input.preset ?? defaultPresetFor(locale);
  return exportOrdersCsv(db, { filter: input.state, saleIds: input.ids, preset, headers, actor, day: today(await getStoreTimeZone(db)) });
});
