// New vs returning customers over the range for one currency, as a table.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import type { CustomerSplit } from "@/lib/analytics/schemas";

export function CustomerSplitTable({ split, currency }: { split: CustomerSplit[]; currency: string }) {
  const t = useTranslations("Analytics.breakdowns");
  const locale = useLocale();
  const format = useFormatter();
  return (
    <table className="w-full text-left text-sm" data-testid="breakdown-customers">
      <caption className="sr-only">{t("customers")}</caption>
      <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-600 dark:text-zinc-400 dark:border-zinc-800">
        <tr>
          <th scope="col" className="py-2 pr-4">{t("columns.kind")}</th>
          <th scope="col" className="py-2 pr-4 text-right">{t("columns.customers")}</th>
          <th scope="col" className="py-2 pr-4 text-right">{t("columns.paidSales")}</th>
          <th scope="col" className="py-2 text-right">{t("columns.revenue")}</th>
        </tr>
      </thead>
      <tbody>
        {split.map((s) => (
          <tr key={s.kind} data-key={s.kind} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
            <th scope="row" className="py-2 pr-4 font-normal">{t(`kinds.${s.kind}`)}</th>
            <td className="py-2 pr-4 text-right tabular-nums">{format.number(s.customers)}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{format.number(s.paidCount)}</td>
            <td className="py-2 text-right tabular-nums">{formatMoney({ minor: s.revenue, currency }, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
