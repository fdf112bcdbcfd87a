// Says which day the payout figures count by (issue 16): the payout's expected day, not the sale's day as
// on the Overview — next to each total of the Payouts page, so the two pages' figures are not confused.
import { useTranslations } from "next-intl";

export function CountsByPayoutDay({ className = "" }: { className?: string }) {
  const t = useTranslations("Settlements");
  return (
    <p data-testid="counts-by-payout-day" className={`text-xs text-zinc-600 dark:text-zinc-400 ${className}`}>
      {t("countsByPayoutDay")}
    </p>
  );
}
