"use client";
// The Orders-to-ship island: select orders, mark them shipped (carrier, tracking reference) or not
// shippable (reason), put them back to ship, export the courier CSV and print a packing list. Mutations go
// to /api/orders; the page is then refreshed from the server, so the list shows the stored state.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/http/api-client";
import type { OrderView, OrdersLabels } from "./order-types";
import { PackingList } from "./packing-list";

const input = "rounded border px-2 py-1";

export function OrdersWorklist({ orders, labels, exportHref }: { orders: OrderView[]; labels: OrdersLabels; exportHref: string | null }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [carrier, setCarrier] = useState("");
  const [reference, setReference] = useState("");
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const chosen = orders.filter((o) => selected.has(o.saleId));
  // The packing list is always in the page (hidden on screen): the selection, or the whole list shown when
  // nothing is selected, so the button and the browser's own Print both print it.
  const toPrint = chosen.length > 0 ? chosen : orders;

  const mark = async (body: { state: "shipped"; carrier: string; trackingReference: string } | { state: "not_shippable"; reason: string } | { state: "to_ship" }) => {
    if (body.state === "not_shippable" && body.reason.trim() === "") return setStatus(labels.reasonRequired);
    try {
      await apiFetch("/api/orders", { method: "POST", body: { ...body, saleIds: [...selected] } });
      setSelected(new Set());
      setStatus(labels.saved);
      router.refresh();
    } catch (e) {
      setStatus(e instanceof ApiError ? e.message : String(e));
    }
  };
  const toggle = (id: string, on: boolean) => setSelected((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; });
  const none = selected.size === 0;

  return (
    <div>
      <div className="mb-4 space-y-3 text-sm print:hidden">
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1">{labels.carrier}<input className={input} value={carrier} maxLength={100} onChange={(e) => setCarrier(e.target.value)} /></label>
          <label className="flex flex-col gap-1">{labels.trackingReference}<input className={input} value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} /></label>
          <button type="button" className="rounded bg-zinc-900 px-3 py-1.5 text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900" disabled={none} onClick={() => mark({ state: "shipped", carrier, trackingReference: reference })}>{labels.markShipped}</button>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1">{labels.reason}<input className={input} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} /></label>
          <button type="button" className="rounded border px-3 py-1.5 disabled:opacity-50" disabled={none} onClick={() => mark({ state: "not_shippable", reason })}>{labels.markNotShippable}</button>
          <button type="button" className="rounded border px-3 py-1.5 disabled:opacity-50" disabled={none} onClick={() => mark({ state: "to_ship" })}>{labels.backToShip}</button>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span data-testid="orders-selected">{labels.selected}: {selected.size}</span>
          {exportHref ? (
            <a className="rounded border px-2 py-1" data-testid="orders-export" href={none ? exportHref : `${exportHref}&ids=${encodeURIComponent([...selected].join(","))}`}>
              {none ? labels.exportAll : labels.exportSelected}
            </a>
          ) : null}
          <button type="button" className="rounded border px-2 py-1 disabled:opacity-50" disabled={orders.length === 0} onClick={() => window.print()}>{labels.print}</button>
          {status ? <span role="status" data-testid="orders-status">{status}</span> : null}
        </div>
      </div>
      {orders.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400 print:hidden">{labels.empty}</p> : (
        <div className="relative overflow-x-auto print:hidden" tabIndex={0}>
          <table className="w-full text-sm" data-testid="orders-worklist">
            <thead className="text-left text-xs uppercase text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-2 pr-2"><input type="checkbox" aria-label={labels.selectAll} checked={selected.size === orders.length} onChange={(e) => setSelected(e.target.checked ? new Set(orders.map((o) => o.saleId)) : new Set())} /></th>
                {(["customer", "product", "address", "contact", "paidAt", "status"] as const).map((k) => <th key={k} scope="col" className="py-2 pr-3">{labels.columns[k]}</th>)}
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.saleId} data-order-id={o.saleId} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                  <td className="py-2 pr-2"><input type="checkbox" aria-label={`${labels.select} ${o.saleId}`} checked={selected.has(o.saleId)} onChange={(e) => toggle(o.saleId, e.target.checked)} /></td>
                  <td className="py-2 pr-3"><div className="font-medium">{o.customer}</div><a className="text-xs text-zinc-600 dark:text-zinc-400 underline" href={`/sales/${encodeURIComponent(o.saleId)}`}>{o.saleId}</a></td>
                  <td className="py-2 pr-3">{o.product}</td>
                  <td className="py-2 pr-3">{o.addressLines.map((line) => <div key={line}>{line}</div>)}</td>
                  <td className="py-2 pr-3">{o.phone ? <div>{o.phone}</div> : null}{o.email ? <div className="text-xs text-zinc-600 dark:text-zinc-400">{o.email}</div> : null}</td>
                  <td className="py-2 pr-3 tabular-nums">{o.paidDay}</td>
                  <td className="py-2 pr-3"><div data-testid="order-state">{o.stateLabel}</div>{o.stateDetail ? <div className="text-xs text-zinc-600 dark:text-zinc-400">{o.stateDetail}</div> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PackingList orders={toPrint} labels={labels} />
    </div>
  );
}
