// A Revenue breakdown row's name in the member's words: "No discount" / "No campaign" / "Not known yet"
// for the rows without a value, a country's name for its code, else the name the mirror knows (product,
// campaign) or the value itself. Used by the table, its sort and the chart, so all three agree.
import { useLocale, useTranslations } from "next-intl";
import { UNKNOWN_DIMENSION_VALUE } from "@/lib/analytics/breakdown-keys";
import type { BreakdownDimension, BreakdownRow } from "@/lib/analytics/schemas";

export function useBreakdownLabel(): (dimension: BreakdownDimension) => (row: BreakdownRow) => string {
  const t = useTranslations("Analytics.breakdowns");
  const locale = useLocale();
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  return (dimension) => (row) => {
    if (row.key === UNKNOWN_DIMENSION_VALUE) return dimension === "discount" ? t("noDiscount") : dimension === "campaign" ? t("noCampaign") : t("unknown");
    if (dimension === "country" && /^[A-Z]{2}$/.test(row.key)) return regions.of(row.key) ?? row.key;
    return row.label ?? row.key;
  };
}
