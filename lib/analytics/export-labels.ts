// The Revenue exports' header in the member's language (messages Analytics.export), from a translator the
// export route helper gives (lib/csv/export-route.ts) — the same rule as every other export (docs/export.md).
import { BREAKDOWN_EXPORT_COLUMNS, CUSTOMER_EXPORT_COLUMNS, type RevenueExportColumn, type RevenueExportLabels } from "./export";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "./schemas";

/** The labels from a translator scoped to `Analytics.export` (next-intl's `t`, or createTranslator in tests). */
export function revenueExportLabelsFrom(t: (key: string) => string): RevenueExportLabels {
  const keys = Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d) => [d, t(`keys.${d}`)])) as Record<BreakdownDimension, string>;
  const names = [...new Set<RevenueExportColumn>([...BREAKDOWN_EXPORT_COLUMNS, ...CUSTOMER_EXPORT_COLUMNS])];
  const columns = Object.fromEntries(names.map((c) => [c, t(`columns.${c}`)])) as Record<RevenueExportColumn, string>;
  return { keys, columns };
}
