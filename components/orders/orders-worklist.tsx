"use client";
// The Orders-to-ship island: the page of orders in the one table (a card per order on a phone), selected
// with a tick box, then marked shipped (carrier, tracking reference) or not shippable (reason), or put
// back to ship; the courier CSV (the selection, or the whole filter) and the packing list (the selection,
// or the orders shown). Mutations go to /api/orders; the page is then refreshed from the server, so the
// list shows the stored state. Sort, pages and filters are links: they work before this island hydrates.
import { filterLabelClass, inputClass } from "@/components/ui/field";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { useRowSelection } from "@/components/data-table/row-selection";
import type { TableSort } from "@/components/data-table/table-state";
import { buttonClass } from "@/components/ui/button";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import { ErrorText } from "@/components/ui/error-text";
import { apiFetch } from "@/lib/http/api-client";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { fulfilmentDetail, type OrderView } from "./order-types";
import { PackingList } from "./packing-list";


type Mark = { state: "shipped"; carrier: string; trackingReference: string } | { state: "not_shippable"; reason: string } | { state: "to_ship" };

export type OrdersWorklistProps = {
  orders: OrderView[];
  /** Orders in the filter (all pages): the title, "page x of y" and the export's progress. */
  total: number;
  url: { pathname: string; query: SearchParamsRecord };
  sort: TableSort;
  hidden: string[];
  page: { number: number; size: number; hasMore: boolean; sizes: readonly number[] };
  /** The courier CSV of the current filter, or null without export:csv. */
  exportHref: string | null;
  /** Today in the store's calendar, printed on the packing list. */
  printedOn: string;
};

export function OrdersWorklist(props: OrdersWorklistProps) {
  const t = useTranslations("orders");
  const router = useRouter();
  const selection = useRowSelection(props.orders.map((o) => o.saleId));
  const selected = selection.selected;
  const [carrier, setCarrier] = useState("");
  const [reference, setReference] = useState("");
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<{ saved: true } | { missingReason: true } | { error: unknown } | null>(null);
  const { orders } = props;
  const chosen = orders.filter((o) => selected.has(o.saleId));
  // The packing list is always in the page (hidden on screen): the selection, or the orders shown when
  // nothing is selected, so the button and the browser's own Print both print it.
  const toPrint = chosen.length > 0 ? chosen : orders;
  const none = selected.size === 0;

  const mark = async (body: Mark) => {
    if (body.state === "not_shippable" && body.reason.trim() === "") return setStatus({ missingReason: true });
    try {
      await apiFetch("/api/orders", { method: "POST", body: { ...body, saleIds: [...selected] } });
      selection.clear();
      setStatus({ saved: true });
      router.refresh();
    } catch (error) {
      setStatus({ error });
    }
  };

  const columns: Column<OrderView>[] = [
    {
      id: "customer",
      header: t("columns.customer"),
      alwaysVisible: true,
      card: "title",
      cell: (o) => (
        // The tick box is the row's selection; the name is its label (a 44 px target), the input's own
        // label names the order for screen readers.
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" className="size-5 shrink-0" aria-label={t("worklist.select", { id: o.saleId })} checked={selected.has(o.saleId)} onChange={(e) => selection.toggle(o.saleId, e.target.checked)} />
          <span className="min-w-0">{o.customerName ?? o.customerEmail ?? t("unknown")}</span>
        </label>
      ),
    },
    {
      id: "reference",
      header: t("columns.reference"),
      cell: (o) => (
        <Link prefetch={false} href={`/sales/${encodeURIComponent(o.saleId)}`} className="inline-flex min-h-11 items-center font-mono text-xs underline">
          {o.saleId}
        </Link>
      ),
    },
    { id: "product", header: t("columns.product"), cell: (o) => o.productName ?? t("unknown") },
    { id: "address", header: t("columns.address"), cell: (o) => o.addressLines.map((line) => <span key={line} className="block">{line}</span>) },
    {
      id: "contact",
      header: t("columns.contact"),
      cell: (o) => (
        <>
          {o.phone ? <span className="block">{o.phone}</span> : null}
          {o.customerEmail ? <span className="block break-all text-xs text-zinc-600 dark:text-zinc-400">{o.customerEmail}</span> : null}
        </>
      ),
    },
    { id: "paid_at", header: t("columns.paidAt"), sortable: true, card: "date", cell: (o) => <DateTime value={o.paidAt} style="date" /> },
    {
      id: "status",
      header: t("columns.status"),
      card: "status",
      cell: (o) => {
        const detail = fulfilmentDetail(o);
        return (
          <>
            <span className="block" data-testid="order-state">
              <CodeLabel kind="fulfilmentState" code={o.fulfilment} />
            </span>
            {detail ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{detail}</span> : null}
          </>
        );
      },
    },
  ];

  const ids = [...selected].join(",");
  return (
    <div>
      <div className="mb-4 space-y-3 text-sm print:hidden" data-testid="orders-actions">
        <div className="flex flex-wrap items-end gap-2">
          <label className={filterLabelClass}>
            {t("actions.carrier")}
            <input className={inputClass} value={carrier} maxLength={100} onChange={(e) => setCarrier(e.target.value)} />
          </label>
          <label className={filterLabelClass}>
            {t("actions.trackingReference")}
            <input className={inputClass} value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} />
          </label>
          <button type="button" className={buttonClass("primary", "min-h-11")} disabled={none} onClick={() => mark({ state: "shipped", carrier, trackingReference: reference })}>
            {t("actions.markShipped")}
          </button>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className={filterLabelClass}>
            {t("actions.reason")}
            <input className={inputClass} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" className={buttonClass("secondary", "min-h-11")} disabled={none} onClick={() => mark({ state: "not_shippable", reason })}>
            {t("actions.markNotShippable")}
          </button>
          <button type="button" className={buttonClass("secondary", "min-h-11")} disabled={none} onClick={() => mark({ state: "to_ship" })}>
            {t("actions.backToShip")}
          </button>
        </div>
        {status ? (
          <p role="status" data-testid="orders-status" className={"error" in status ? "text-red-700 dark:text-red-300" : undefined}>
            {"saved" in status ? t("actions.saved") : "missingReason" in status ? t("actions.reasonRequired") : <ErrorText error={status.error} />}
          </p>
        ) : null}
      </div>
      <div className="print:hidden">
        <DataTable
          label={t("worklist.label")}
          testId="orders-worklist"
          columns={columns}
          rows={orders}
          rowKey={(o) => o.saleId}
          url={props.url}
          sort={props.sort}
          hidden={props.hidden}
          page={{ ...props.page, totalRows: props.total }}
          emptyMessage={t("worklist.empty")}
          toolbar={
            <>
              <label className="inline-flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={selection.allShown}
                  disabled={orders.length === 0}
                  onChange={(e) => selection.setAll(e.target.checked)}
                />
                {t("worklist.selectShown")}
              </label>
              <span className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="orders-selected">
                {none ? t("worklist.selectedNone") : t("worklist.selected", { count: selected.size })}
              </span>
              <button type="button" className={buttonClass("secondary", "min-h-11")} disabled={orders.length === 0} onClick={() => window.print()}>
                {none ? t("actions.printShown") : t("actions.printSelected")}
              </button>
            </>
          }
          exportControl={
            props.exportHref
              ? { href: none ? props.exportHref : `${props.exportHref}&ids=${encodeURIComponent(ids)}`, expectedRows: none ? props.total : selected.size, filename: "orders-to-ship.csv" }
              : null
          }
        />
      </div>
      <PackingList orders={toPrint} printedOn={props.printedOn} />
    </div>
  );
}
