// The Sales table's columns: ids are the server's sort keys (lib/sales/schemas.ts SALE_SORT_COLUMNS),
// so clicking a header sorts the whole filter on the server, not the visible page. What a merchant scans
// comes first (issue 16): the date, who bought and how much, then the status and product, the reference
// after; on a phone each sale is a card: customer and amount first, then status and date, the rest below.
// Codes in the merchant's words (<CodeLabel>), dates in the store's time zone (<DateTime>).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { Column } from "@/components/data-table/data-table";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import { formatMoney, type Money } from "@/lib/money";
import type { SaleListItem } from "@/lib/sales/schemas";
import type { SaleSortColumn } from "@/lib/sales/view-query";
import { SaleStatusBadge } from "./sale-status-badge";

type SaleColumn = Column<SaleListItem> & { id: SaleSortColumn };

/** Called by the server-rendered Sales table (a shared component: next-intl's hooks work on the server). */
export function useSalesColumns(): Column<SaleListItem>[] {
  const t = useTranslations("Sales.columns");
  const tUnknown = useTranslations("Sales");
  const locale = useLocale();
  {
    const unknown = <span className="text-zinc-600 dark:text-zinc-400">{tUnknown("unknown")}</span>;
    const money = (m: Money | null) => (m ? formatMoney(m, locale) : unknown);
    const code = (kind: Parameters<typeof CodeLabel>[0]["kind"], value: string | null) => (value ? <CodeLabel kind={kind} code={value} /> : unknown);
    const link = "inline-flex min-h-11 min-w-11 items-center underline-offset-2 hover:underline";
    const columns: SaleColumn[] = [
      { id: "created_at", header: t("createdAt"), sortable: true, card: "date", cell: (row) => (row.createdAt ? <DateTime value={row.createdAt} /> : unknown) },
      {
        id: "customer_name",
        header: t("customer"),
        sortable: true,
        card: "title",
        cell: (row) =>
          row.customerId ? (
            <Link prefetch={false} href={`/customers/${encodeURIComponent(row.customerId)}`} className={`${link} text-brand-700 dark:text-brand-100`}>
              {row.customerName ?? row.customerEmail ?? tUnknown("unknown")}
            </Link>
          ) : (
            (row.customerName ?? unknown)
          ),
      },
      { id: "amount", header: t("amount"), sortable: true, align: "right", card: "amount", cell: (row) => money(row.amount) },
      { id: "status", header: t("status"), sortable: true, card: "status", cell: (row) => <SaleStatusBadge status={row.status} /> },
      { id: "product_name", header: t("product"), sortable: true, cell: (row) => row.productName ?? unknown },
      {
        id: "id",
        header: t("reference"),
        sortable: true,
        alwaysVisible: true,
        cell: (row) => (
          <Link prefetch={false} href={`/sales/${encodeURIComponent(row.id)}`} className={`${link} font-mono text-xs text-brand-700 dark:text-brand-100`} data-testid="sale-link">
            {row.id}
          </Link>
        ),
      },
      { id: "customer_email", header: t("email"), sortable: true, cell: (row) => row.customerEmail ?? unknown },
      { id: "original_amount", header: t("originalAmount"), sortable: true, align: "right", cell: (row) => money(row.originalAmount) },
      { id: "discount_amount", header: t("discountAmount"), sortable: true, align: "right", cell: (row) => money(row.discountAmount) },
      { id: "currency", header: t("currency"), sortable: true, card: "none", cell: (row) => row.amount?.currency ?? unknown },
      { id: "payment_status", header: t("paymentStatus"), sortable: true, cell: (row) => code("paymentStatus", row.paymentStatus) },
      { id: "channel", header: t("channel"), sortable: true, cell: (row) => code("channel", row.channel) },
      { id: "discount_code", header: t("discountCode"), sortable: true, cell: (row) => row.discountCode ?? "—" },
      { id: "campaign_name", header: t("campaign"), sortable: true, cell: (row) => row.campaignName ?? "—" },
      { id: "country", header: t("country"), sortable: true, cell: (row) => code("country", row.country) },
      { id: "payment_method", header: t("paymentMethod"), sortable: true, cell: (row) => code("paymentMethod", row.paymentMethod) },
    ];
    return columns;
  }
}
