// A Revenue breakdown row's name in the member's words: "No discount" / "No campaign" / "Not known yet"
// for the rows without a value, a channel, payment method or gateway through lib/format/codes.ts, a
// country's name for its code, else the name the mirror knows (product, campaign) or the value itself.
// Used by the table, its sort and the chart, so all three agree.
import { useLocale, useTranslations } from "next-intl";
import { UNKNOWN_DIMENSION_VALUE } from "@/lib/analytics/breakdown-keys";
import type { BreakdownDimension, BreakdownRow } from "@/lib/analytics/schemas";
import { useCodeLabel } from "@/components/ui/use-code-label";
import type { CodeKind } from "@/lib/format/codes";
import { countryName } from "@/lib/format/display-names";

const CODE_KIND: Partial<Record<BreakdownDimension, CodeKind>> = { channel: "channel", payment_method: "paymentMethod", payment_gateway: "gateway" };

export function useBreakdownLabel(): (dimension: BreakdownDimension) => (row: BreakdownRow) => string {
  const t = useTranslations("Analytics.breakdowns");
  const codeLabel = useCodeLabel();
  const locale = useLocale();
  return (dimension) => (row) => {
    if (row.key === UNKNOWN_DIMENSION_VALUE) return dimension === "discount" ? t("noDiscount") : dimension === "campaign" ? t("noCampaign") : t("unknown");
    if (dimension === "country") return countryName(row.key, locale);
    const kind = CODE_KIND[dimension];
    if (kind) return codeLabel(kind, row.key);
    return row.label ?? row.key;
  };
}
