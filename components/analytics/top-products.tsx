// The range's best-selling products in one currency (paid revenue), as the one table: a short fixed list
// (the service's top 5), so no pages; each product leads to its sales.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { formatMoney } from "@/lib/money";
import type { TopProduct } from "@/lib/analytics/schemas";

export function TopProducts({ products, currency }: { products: TopProduct[]; currency: string }) {
  const t = useTranslations("Analytics");
  const locale = useLocale();
  const salesOf = (p: TopProduct) => `/sales?${new URLSearchParams({ product: p.id, currency }).toString()}`;
  const columns: Column<TopProduct>[] = [
    {
      id: "product",
      header: t("topProducts.product"),
      card: "title",
      cell: (p) => (
        <Link prefetch={false} href={salesOf(p)} className="inline-flex min-h-11 min-w-11 items-center text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
          {p.name ?? t("breakdowns.unknown")}
        </Link>
      ),
    },
    { id: "paidSales", header: t("topProducts.paidSales"), align: "right", cell: (p) => p.paidCount.toLocaleString(locale) },
    { id: "revenue", header: t("topProducts.revenue"), align: "right", card: "amount", cell: (p) => formatMoney({ minor: p.revenue, currency }, locale) },
  ];
  return <DataTable label={t("topProducts.title")} testId="top-products" columns={columns} rows={products} rowKey={(p) => p.id} rowHref={salesOf} emptyMessage={t("empty")} />;
}
