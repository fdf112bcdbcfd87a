// The export's header in the member's language (messages Export.columns) and the preset they get by default.
import "server-only";
import { getTranslations } from "next-intl/server";
import { defaultPresetFor, type CsvPreset } from "@/lib/csv/presets";
import { currentLocale } from "@/lib/i18n/request";
import { SALE_EXPORT_COLUMNS, type SaleExportColumn } from "./export-sales";

export async function saleExportLabels(): Promise<{ labels: Record<SaleExportColumn, string>; defaultPreset: CsvPreset }> {
  const locale = await currentLocale();
  const t = await getTranslations({ locale, namespace: "Export.columns" });
  const labels = Object.fromEntries(SALE_EXPORT_COLUMNS.map((c) => [c, t(c)])) as Record<SaleExportColumn, string>;
  return { labels, defaultPreset: defaultPresetFor(locale) };
}
