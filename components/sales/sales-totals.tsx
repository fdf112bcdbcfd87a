// Totals of the filtered set above the Sales table: the count of sales, and per currency the paid
// amount and count (never one grand total across currencies). A role without settlements:read gets the
// counts only (lib/sales/financial-fields.ts), so its cards say how many sales were paid, not how much.
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import type { SalesTotalsView } from "@/lib/sales/schemas";

export function SalesTotalsBar({ totals }: { totals: SalesTotalsView | null }) {
  const t = useTranslations("Sales.totals");
  const locale = useLocale();
  if (!totals) return <div className="h-16" aria-hidden />;
  return (
    <dl className="flex flex-wrap gap-3" data-testid="sales-totals" data-count={totals.count}>
      <div className="rounded-lg border border-zinc-200 bg-white px-4 py-2 dark:border-zinc-800 dark:bg-zinc-900">
        <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t("sales")}</dt>
        <dd className="text-lg font-semibold tabular-nums" data-testid="sales-count">
          {totals.count.toLocaleString(locale)}
        </dd>
      </div>
      {totals.byCurrency.map((c) => (
        <div key={c.currency} className="rounded-lg border border-zinc-200 bg-white px-4 py-2 dark:border-zinc-800 dark:bg-zinc-900" data-testid={`total-${c.currency}`}>
          {c.paid ? (
            <>
              <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t("paidIn", { currency: c.currency, count: c.paidCount })}</dt>
              <dd className="text-lg font-semibold tabular-nums" data-minor={c.paid.minor}>
                {formatMoney(c.paid, locale)}
              </dd>
            </>
          ) : (
            <>
              <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t("paidCountIn", { currency: c.currency })}</dt>
              <dd className="text-lg font-semibold tabular-nums">{c.paidCount.toLocaleString(locale)}</dd>
            </>
          )}
        </div>
      ))}
    </dl>
  );
}
