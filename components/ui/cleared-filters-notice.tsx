// Says which filters of the address were not valid and were cleared (lib/http/page-query), so a bad link
// opens its page with a readable message instead of an error page. Nothing when nothing was cleared.
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

export function ClearedFiltersNotice({ fields }: { fields: readonly string[] }) {
  const t = useTranslations("urlFilters");
  if (fields.length === 0) return null;
  return (
    <div data-testid="cleared-filters">
      <Alert tone="info">{t("cleared", { count: fields.length, fields: fields.join(", ") })}</Alert>
    </div>
  );
}
