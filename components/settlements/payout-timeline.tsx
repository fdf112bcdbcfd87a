// The payout timeline: one row per currency × local due day, due vs done (and "moved from" when its sales
// were moved there from other days), gross, Chariow's net and what it kept (gross − net), then the fees as Chariow reports them — information, not terms of a subtraction
// (lib/settlements/net.ts). Each row opens its sales below. On a phone each payout is a card: due day and
// net on top, then its state and the link to its sales. Shared component: fetches nothing, and works
// before JavaScript (links only).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { DataTable, type Column, type DataTableProps } from "@/components/data-table/data-table";
import { DateTime } from "@/components/ui/date-time";
import { formatMoney } from "@/lib/money";
import { payoutKey, type PayoutGroup } from "@/lib/settlements/group-settlements";
import type { PayoutMove } from "@/lib/settlements/payout-moves";
import { PayoutMoveNote } from "./payout-move-note";
import { PayoutStatus } from "./payout-status";

export { payoutKey };

type TableProps = Pick<DataTableProps<PayoutGroup>, "url" | "sort" | "page" | "hidden" | "exportControl" | "selectedKey">;

export function PayoutTimeline({ groups, drillHref, moves, ...table }: TableProps & { groups: readonly PayoutGroup[]; drillHref: (g: PayoutGroup) => string; moves?: ReadonlyMap<string, PayoutMove> }) {
  const t = useTranslations("Settlements");
  const locale = useLocale();
  const money = (minor: number | null, currency: string) => (minor === null ? t("unknown") : formatMoney({ minor, currency }, locale));
  const columns: Column<PayoutGroup>[] = [
    {
      id: "due_day",
      header: t("columns.dueDay"),
      sortable: true,
      alwaysVisible: true,
      card: "title",
      cell: (g) => {
        const move = moves?.get(payoutKey(g));
        return (
          <>
            <DateTime value={g.dueDay} style="date" />
            {move ? <PayoutMoveNote move={move} salesCount={g.salesCount} /> : null}
          </>
        );
      },
    },
    { id: "net", header: t("columns.net"), align: "right", card: "amount", cell: (g) => <span data-testid="payout-net">{money(g.net, g.currency)}</span> },
    { id: "status", header: t("columns.status"), card: "status", cell: (g) => <PayoutStatus status={g.status} doneAt={g.doneAt} /> },
    {
      id: "open",
      header: t("columns.open"),
      alwaysVisible: true,
      card: "date",
      cell: (g) => (
        <Link prefetch={false} scroll={false} href={drillHref(g)} className="inline-flex min-h-11 items-center text-brand-700 underline dark:text-brand-100">
          {t("timeline.open")}
        </Link>
      ),
    },
    { id: "currency", header: t("columns.currency"), cell: (g) => g.currency },
    { id: "sales", header: t("columns.sales"), align: "right", cell: (g) => g.salesCount },
    { id: "gross", header: t("columns.gross"), align: "right", cell: (g) => money(g.gross, g.currency) },
    { id: "deducted", header: t("columns.deducted"), align: "right", cell: (g) => money(g.deducted, g.currency) },
    { id: "gateway_fee", header: t("columns.gatewayFee"), align: "right", cell: (g) => money(g.gatewayFee, g.currency) },
    { id: "service_fee", header: t("columns.serviceFee"), align: "right", cell: (g) => money(g.serviceFee, g.currency) },
  ];
  return (
    <DataTable
      {...table}
      label={t("timeline.title")}
      testId="payout-timeline"
      columns={columns}
      rows={groups}
      rowKey={payoutKey}
      rowHref={drillHref}
      rowTone={(g) => (g.status === "overdue" ? "danger" : null)}
      emptyMessage={t("empty")}
    />
  );
}
