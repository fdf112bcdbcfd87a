// The Revenue exports' header in the member's language (messages Analytics.export) and the CSV preset
// they get by default — the same rule as every other export (docs/export.md).
import "server-only";
import { getTranslations } from "next-intl/server";
import { defaultPresetFor, type CsvPreset } from "@/lib/csv/presets";
import { currentLocale } from "@/lib/i18n/request";
import { BREAKDOWN_EXPORT_COLUMNS, CUSTOMER_EXPORT_COLUMNS, type RevenueExportColumn, type RevenueExportLabels } from "./export";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "./schemas";

/** The labels from a translator scoped to `Analytics.export` (next-intl's `t`, or createTranslator in tests). */
export function revenueExportLabelsFrom(t: (key: string) => string): RevenueExportLabels {
  const keys = Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d) => [d, t(`keys.${d}`)])) as Record<BreakdownDimension, string>;
  const names = [...new Set<RevenueExportColumn>([...BREAKDOWN_EXPORT_COLUMNS, ...CUSTOMER_EXPORT_COLUMNS])];
  const columns = Object.fromEntries(names.map((c) => [c, t(`columns.${c}`)])) as Record<RevenueExportColumn, string>;
  return { keys, columns };
}

export async function revenueExportLabels(): Promise<{ labels: RevenueExportLabels; defaultPreset: CsvPreset }> {
  const locale = await currentLocale();
  const t = await getTranslations({ locale, namespace: "Analytics.export" });
  return { labels: revenueExportLabelsFrom((key) => t(key)), defaultPreset: defaultPresetFor(locale) };
}
