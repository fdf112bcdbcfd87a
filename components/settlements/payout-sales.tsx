// The sales behind one payout (drill-down), each linking to its sale page; overdue ones flagged.
import Link from "next/link";

export interface PayoutSaleView {
  id: string;
  product: string;
  customer: string;
  completedAt: string;
  gross: string;
  net: string;
  state: string;
  overdue: boolean;
}

export function PayoutSales({ title, rows, labels }: { title: string; rows: PayoutSaleView[]; labels: Record<"sale" | "product" | "customer" | "completedAt" | "gross" | "net" | "state", string> }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table className="w-full text-sm" data-testid="payout-sales">
        <caption className="mb-2 text-left font-medium">{title}</caption>
        <thead className="text-left text-xs uppercase text-zinc-600 dark:text-zinc-400">
          <tr>
            {(["sale", "product", "customer", "completedAt", "gross", "net", "state"] as const).map((k) => (
              <th key={k} scope="col" className={`py-2 pr-3 ${k === "gross" || k === "net" ? "text-right" : ""}`}>{labels[k]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-sale-id={r.id} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="py-2 pr-3"><Link className="text-sky-700 underline dark:text-sky-300" href={`/sales/${encodeURIComponent(r.id)}`}>{r.id}</Link></td>
              <td className="py-2 pr-3">{r.product}</td>
              <td className="py-2 pr-3">{r.customer}</td>
              <td className="py-2 pr-3 tabular-nums">{r.completedAt}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{r.gross}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{r.net}</td>
              <td className={`py-2 pr-3 ${r.overdue ? "font-medium text-red-700 dark:text-red-300" : ""}`}>{r.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
