// The payout timeline table: one row per currency × local due day, due vs done, gross, Chariow's net and
// what it kept (gross − net), then the fees as Chariow reports them — information, not terms of a
// subtraction (lib/settlements/net.ts). Each row links to its sales. Presentational: fetches nothing.
import Link from "next/link";

export interface PayoutRowView {
  key: string;
  dueDay: string;
  currency: string;
  status: "settled" | "due" | "overdue";
  statusLabel: string;
  salesCount: number;
  gross: string;
  net: string;
  deducted: string;
  gatewayFee: string;
  serviceFee: string;
  href: string;
  selected: boolean;
}

const STATUS_CLASS: Record<PayoutRowView["status"], string> = {
  settled: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  due: "bg-sky-100 text-sky-800 dark:bg-sky-900/40 dark:text-sky-200",
  overdue: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
};

export function PayoutTimeline({ rows, labels, emptyMessage }: { rows: PayoutRowView[]; labels: Record<"dueDay" | "currency" | "status" | "sales" | "gross" | "net" | "deducted" | "gatewayFee" | "serviceFee" | "open" | "caption", string>; emptyMessage: string }) {
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{emptyMessage}</p>;
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table className="w-full text-sm" data-testid="payout-timeline">
        <caption className="sr-only">{labels.caption}</caption>
        <thead className="text-left text-xs uppercase text-zinc-600 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-2 pr-3">{labels.dueDay}</th>
            <th scope="col" className="py-2 pr-3">{labels.currency}</th>
            <th scope="col" className="py-2 pr-3">{labels.status}</th>
            <th scope="col" className="py-2 pr-3 text-right">{labels.sales}</th>
            <th scope="col" className="py-2 pr-3 text-right">{labels.gross}</th>
            <th scope="col" className="py-2 pr-3 text-right">{labels.net}</th>
            <th scope="col" className="py-2 pr-3 text-right">{labels.deducted}</th>
            <th scope="col" className="py-2 pr-3 text-right">{labels.gatewayFee}</th>
            <th scope="col" className="py-2 pr-3 text-right">{labels.serviceFee}</th>
            <th scope="col" className="py-2"><span className="sr-only">{labels.open}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-payout-status={r.status} aria-selected={r.selected} className={`border-t border-zinc-100 dark:border-zinc-800 ${r.selected ? "bg-zinc-50 dark:bg-zinc-800/50" : ""}`}>
              <td className="whitespace-nowrap py-2 pr-3 tabular-nums">{r.dueDay}</td>
              <td className="py-2 pr-3">{r.currency}</td>
              <td className="py-2 pr-3"><span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[r.status]}`}>{r.statusLabel}</span></td>
              <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{r.salesCount}</td>
              <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{r.gross}</td>
              <td className="whitespace-nowrap py-2 pr-3 text-right font-medium tabular-nums" data-testid="payout-net">{r.net}</td>
              <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{r.deducted}</td>
              <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums text-zinc-600 dark:text-zinc-400">{r.gatewayFee}</td>
              <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums text-zinc-600 dark:text-zinc-400">{r.serviceFee}</td>
              <td className="whitespace-nowrap py-2 text-right"><Link className="text-sky-700 underline dark:text-sky-300" href={r.href}>{labels.open}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
