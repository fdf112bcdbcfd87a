// The printable packing list: invisible on screen, the only thing on paper (print: classes; the app
// shell hides its sidebar and top bar when printing). One block per order, a tick box to pack.
import type { OrderView, OrdersLabels } from "./order-types";

export function PackingList({ orders, labels }: { orders: OrderView[]; labels: OrdersLabels }) {
  return (
    <section data-testid="packing-list" className="hidden print:block">
      <h1 className="mb-1 text-xl font-semibold">{labels.packingTitle}</h1>
      <p className="mb-4 text-xs">{labels.printedOn}</p>
      <ol className="space-y-3">
        {orders.map((o) => (
          <li key={o.saleId} className="break-inside-avoid border border-black p-3 text-sm">
            <div className="flex justify-between gap-4">
              <div>
                <div className="font-semibold">{o.customer}</div>
                {o.addressLines.map((line) => <div key={line}>{line}</div>)}
                {o.phone ? <div>{o.phone}</div> : null}
              </div>
              <div className="text-right">
                <div>{labels.reference}: {o.saleId}</div>
                <div>{o.paidDay}</div>
                <div className="mt-2">☐ {labels.packed}</div>
              </div>
            </div>
            <div className="mt-2 border-t border-black pt-1 font-medium">{o.product}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
