"use client";
// The licences table (issue 9): rows prepared by the page, keys masked; "Reveal" asks the server for
// one key (audited there) and shows it in place of the mask.
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/http/api-client";

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
  reveal: string;
  revealing: string;
  revealFailed: string;
  noKey: string;
  empty: string;
}

const STATUS_TONE: Record<string, string> = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  pending_activation: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  expired: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  revoked: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
};

export function LicencesTable({ rows, labels }: { rows: LicenceView[]; labels: LicencesTableLabels }) {
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function reveal(licenceId: string) {
    setPending(licenceId);
    setError(null);
    try {
      const r = await apiFetch<{ key: string }>(`/api/licences/${encodeURIComponent(licenceId)}/reveal`, { method: "POST" });
      setRevealed((prev) => ({ ...prev, [licenceId]: r.key }));
    } catch (e) {
      setError(e instanceof ApiError ? `${labels.revealFailed} (${e.message})` : labels.revealFailed);
    } finally {
      setPending(null);
    }
  }

  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{labels.empty}</p>;
  const c = labels.columns;
  return (
    <div className="relative overflow-x-auto">
      {error ? <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-300">{error}</p> : null}
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-zinc-500">
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
                {revealed[r.licenceId] ? (
                  <span data-testid="licence-key">{revealed[r.licenceId]}</span>
                ) : r.maskedKey === null ? (
                  <span className="text-zinc-500">{labels.noKey}</span>
                ) : (
                  <span className="inline-flex items-center gap-2">
                    <span aria-hidden>{r.maskedKey}</span>
                    <button type="button" className="rounded border px-2 py-0.5 font-sans text-xs" disabled={pending === r.licenceId} onClick={() => reveal(r.licenceId)}>
                      {pending === r.licenceId ? labels.revealing : labels.reveal}
                    </button>
                  </span>
                )}
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
