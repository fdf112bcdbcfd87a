"use client";
// The licences table (issue 9): rows prepared by the page, keys masked; "Reveal" asks the server for
// one key (audited and throttled there, components/licences/reveal-key.tsx) and shows it in place of the mask.
import { RevealKey } from "./reveal-key";

export interface LicenceView {
  licenceId: string;
  maskedKey: string | null;
  product: string;
  customer: string;
  status: string | null;
  statusLabel: string;
  activations: string;
  expiry: string;
  sale: string;
}

export interface LicencesTableLabels {
  columns: { key: string; product: string; customer: string; status: string; activations: string; expiry: string; sale: string };
  empty: string;
}

const STATUS_TONE: Record<string, string> = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  pending_activation: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  expired: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  revoked: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
};

export function LicencesTable({ rows, labels }: { rows: LicenceView[]; labels: LicencesTableLabels }) {
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{labels.empty}</p>;
  const c = labels.columns;
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-zinc-600 dark:text-zinc-400">
          <tr>
            {[c.key, c.product, c.customer, c.status, c.activations, c.expiry, c.sale].map((h) => (
              <th key={h} scope="col" className="px-2 py-2 font-medium">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.licenceId} data-testid="licence-row" data-licence-id={r.licenceId} className="border-t border-zinc-200 dark:border-zinc-800">
              <td className="px-2 py-2 font-mono">
                <RevealKey licenceId={r.licenceId} maskedKey={r.maskedKey} />
              </td>
              <td className="px-2 py-2">{r.product}</td>
              <td className="px-2 py-2">{r.customer}</td>
              <td className="px-2 py-2">
                <span className={`rounded px-2 py-0.5 text-xs ${STATUS_TONE[r.status ?? ""] ?? "bg-zinc-100 dark:bg-zinc-800"}`}>{r.statusLabel}</span>
              </td>
              <td className="px-2 py-2 tabular-nums">{r.activations}</td>
              <td className="px-2 py-2">{r.expiry}</td>
              <td className="px-2 py-2 font-mono text-xs">{r.sale}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
