// The newest sales as the one table (a card per sale on a phone): customer and amount (lib/money, in the
// sale's own currency) on top, status and when (the store's time zone) below, then the product. Each row
// leads to its sale; rows a Pulse just brought in say so. A fixed short list (the newest ten), no pages.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { SaleStatusBadge } from "@/components/sales/sale-status-badge";
import { DateTime } from "@/components/ui/date-time";
import { formatMoney } from "@/lib/money";
import type { RecentSale } from "@/lib/overview/schemas";

const saleHref = (s: RecentSale) => `/sales/${encodeURIComponent(s.id)}`;

export function RecentSalesTable({ sales }: { sales: RecentSale[] }) {
  const t = useTranslations("Analytics.recentSales");
  const locale = useLocale();
  const columns: Column<RecentSale>[] = [
    {
      id: "createdAt",
      header: t("columns.createdAt"),
      card: "date",
      cell: (s) => <DateTime value={s.createdAt} />,
    },
    {
      id: "customer",
      header: t("columns.customer"),
      card: "title",
      cell: (s) => (
        <Link prefetch={false} href={saleHref(s)} className="inline-flex min-h-11 min-w-11 items-center text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
          {s.customer ?? t("unknown")}
        </Link>
      ),
    },
    { id: "product", header: t("columns.product"), cell: (s) => s.product ?? t("unknown") },
    { id: "amount", header: t("columns.amount"), align: "right", card: "amount", cell: (s) => (s.amount ? formatMoney(s.amount, locale) : t("unknown")) },
    {
      id: "status",
      header: t("columns.status"),
      card: "status",
      cell: (s) => (
        <>
          <SaleStatusBadge status={s.status} />
          {s.source === "pulse" ? <span className="ml-2 text-xs text-brand-700 dark:text-brand-100">{t("viaPulse")}</span> : null}
        </>
      ),
    },
  ];
  return <DataTable label={t("title")} testId="recent-sales" columns={columns} rows={sales} rowKey={(s) => s.id} rowHref={saleHref} emptyMessage={t("empty")} />;
}
