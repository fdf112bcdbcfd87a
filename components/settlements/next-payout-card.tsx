// "Next payout" for the overview: per currency, the net amount and the day it is due (store calendar),
// each a link to that payout's sales on the Payouts page.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { formatMoney } from "@/lib/money";

export interface NextPayoutView {
  currency: string;
  /** The local due day ("YYYY-MM-DD"). */
  dueDay: string;
  /** Chariow's settlement amount, minor units. */
  net: number;
  salesCount: number;
}

export function NextPayoutCard({ payouts }: { payouts: readonly NextPayoutView[] }) {
  const t = useTranslations("Settlements.nextPayout");
  const locale = useLocale();
  return (
    <Card title={t("title")} testId="next-payout">
      {payouts.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {payouts.map((p) => (
            <li key={p.currency} className="flex flex-wrap items-baseline justify-between gap-x-4" data-currency={p.currency} data-due-day={p.dueDay}>
              <Link
                prefetch={false}
                href={`/settlements?${new URLSearchParams({ currency: p.currency, day: p.dueDay }).toString()}#payout-sales`}
                data-testid={`next-payout-${p.currency}`}
                className="inline-flex min-h-11 items-center text-lg font-semibold tabular-nums text-brand-700 underline dark:text-brand-100"
              >
                {formatMoney({ minor: p.net, currency: p.currency }, locale)}
              </Link>
              <span className="text-sm text-zinc-600 dark:text-zinc-400">
                <DateTime value={p.dueDay} style="date" /> · {t("sales", { count: p.salesCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
