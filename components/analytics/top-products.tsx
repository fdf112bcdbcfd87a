// The range's best-selling products in one currency (paid revenue).
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import type { TopProduct } from "@/lib/analytics/schemas";

export function TopProducts({ products, currency }: { products: TopProduct[]; currency: string }) {
  const t = useTranslations("Analytics");
  const locale = useLocale();
  if (products.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="top-products">
      <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-600 dark:text-zinc-400 dark:border-zinc-800">
        <tr>
          <th className="py-2 pr-4">{t("topProducts.product")}</th>
          <th className="py-2 pr-4 text-right">{t("topProducts.paidSales")}</th>
          <th className="py-2 text-right">{t("topProducts.revenue")}</th>
        </tr>
      </thead>
      <tbody>
        {products.map((p) => (
          <tr key={p.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
            <td className="py-2 pr-4">{p.name ?? p.id}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{p.paidCount}</td>
            <td className="py-2 text-right tabular-nums">{formatMoney({ minor: p.revenue, currency }, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
