// The sales behind one payout (the timeline's drill-down), one page at a time, each linking to its sale
// page; overdue ones flagged. A second paginated table on the page: its URL keys carry the `sales_`
// prefix. On a phone each sale is a card: customer and net on top, state and payment day below.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { DataTable, type Column, type DataTableProps } from "@/components/data-table/data-table";
import { DateTime } from "@/components/ui/date-time";
import { formatMoney } from "@/lib/money";
import type { PayoutSale } from "@/lib/settlements/list-settlements";
import { PayoutStatus } from "./payout-status";

/** The drill-down's key prefix in the URL (`sales_page`, `sales_sort`…). */
export const PAYOUT_SALES_PREFIX = "sales";

type TableProps = Pick<DataTableProps<PayoutSale>, "url" | "sort" | "page" | "hidden" | "exportControl">;

export function PayoutSales({ title, sales, ...table }: TableProps & { title: string; sales: readonly PayoutSale[] }) {
  const t = useTranslations("Settlements");
  const locale = useLocale();
  const money = (minor: number | null, currency: string | null) => (minor === null || !currency ? t("unknown") : formatMoney({ minor, currency }, locale));
  const unknown = <span className="text-zinc-600 dark:text-zinc-400">{t("unknown")}</span>;
  const columns: Column<PayoutSale>[] = [
    { id: "customer", header: t("drill.customer"), card: "title", cell: (s) => s.customerEmail ?? unknown },
    { id: "net", header: t("columns.net"), align: "right", card: "amount", cell: (s) => money(s.net, s.currency) },
    { id: "state", header: t("columns.status"), card: "status", cell: (s) => <PayoutStatus status={s.doneAt ? "settled" : s.overdue ? "overdue" : "due"} doneAt={s.doneAt} /> },
    { id: "completed_at", header: t("drill.completedAt"), sortable: true, card: "date", cell: (s) => (s.completedAt ? <DateTime value={s.completedAt} /> : unknown) },
    {
      id: "sale",
      header: t("drill.sale"),
      alwaysVisible: true,
      cell: (s) => (
        <Link prefetch={false} className="inline-flex min-h-11 items-center font-mono text-xs text-brand-700 underline dark:text-brand-100" href={`/sales/${encodeURIComponent(s.id)}`}>
          {s.id}
        </Link>
      ),
    },
    { id: "product", header: t("drill.product"), cell: (s) => s.productName ?? unknown },
    // The day Chariow first gave, for a sale it moved to this payout from another day (issue 16).
    { id: "moved_from", header: t("columns.movedFrom"), cell: (s) => (s.movedFromDueAt ? <DateTime value={s.movedFromDueAt} style="date" /> : null) },
    { id: "gross", header: t("columns.gross"), align: "right", cell: (s) => money(s.amount, s.currency) },
  ];
  return (
    <DataTable
      {...table}
      label={title}
      caption
      testId="payout-sales"
      keyPrefix={PAYOUT_SALES_PREFIX}
      columns={columns}
      rows={sales}
      rowKey={(s) => s.id}
      rowHref={(s) => `/sales/${encodeURIComponent(s.id)}`}
      rowTone={(s) => (s.overdue ? "danger" : null)}
      emptyMessage={t("drill.empty")}
    />
  );
}
