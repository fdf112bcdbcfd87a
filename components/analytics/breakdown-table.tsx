// One Revenue breakdown as an accessible table (paid sales, revenue, discount given and its average,
// attempts, share) for one currency. Presentational: rows come from the service, labels from the parent.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import type { BreakdownRow } from "@/lib/analytics/schemas";

export function BreakdownTable({ rows, currency, caption, labelOf, testId }: {
  rows: BreakdownRow[];
  currency: string;
  caption: string;
  labelOf: (row: BreakdownRow) => string;
  testId: string;
}) {
  const t = useTranslations("Analytics.breakdowns.columns");
  const locale = useLocale();
  const format = useFormatter();
  const money = (minor: number | null) => (minor === null ? "—" : formatMoney({ minor, currency }, locale));
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-600 dark:text-zinc-400 dark:border-zinc-800">
          <tr>
            <th scope="col" className="py-2 pr-4">{t("key")}</th>
            <th scope="col" className="py-2 pr-4 text-right">{t("paidSales")}</th>
            <th scope="col" className="py-2 pr-4 text-right">{t("revenue")}</th>
            <th scope="col" className="py-2 pr-4 text-right">{t("share")}</th>
            <th scope="col" className="py-2 pr-4 text-right">{t("discounts")}</th>
            <th scope="col" className="py-2 pr-4 text-right">{t("averageDiscount")}</th>
            <th scope="col" className="py-2 text-right">{t("attempts")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <th scope="row" className="py-2 pr-4 font-normal">{labelOf(r)}</th>
              <td className="py-2 pr-4 text-right tabular-nums">{format.number(r.paidCount)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{money(r.revenue)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{r.share === null ? "—" : format.number(r.share, { style: "percent", maximumFractionDigits: 1 })}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{money(r.discounts)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{money(r.averageDiscount)}</td>
              <td className="py-2 text-right tabular-nums">{format.number(r.attempts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
