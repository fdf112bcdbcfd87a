// A read-only table of already formatted cells (the Downloads page's unusual, engagement and latest
// lists): no sorting or paging needed, so no client code.
import type { ReactNode } from "react";

export function PlainTable({ testId, headers, rows, numeric = [] }: { testId: string; headers: string[]; rows: { key: string; cells: ReactNode[] }[]; numeric?: number[] }) {
  const align = (i: number) => (numeric.includes(i) ? "text-right tabular-nums" : "");
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="text-left text-xs uppercase text-zinc-600 dark:text-zinc-400">
          <tr>{headers.map((h, i) => <th key={h} scope="col" className={`py-2 pr-3 ${align(i)}`}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-zinc-100 dark:border-zinc-800">
              {r.cells.map((c, i) => <td key={i} className={`py-2 pr-3 ${align(i)}`}>{c}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
