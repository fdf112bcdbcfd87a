// A sale's status as a coloured badge, in the member's words (lib/format/codes.ts, kind saleStatus).
import { CodeLabel } from "@/components/ui/code-label";

const STATUS_STYLE: Record<string, string> = {
  completed: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  settled: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  failed: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
  abandoned: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  awaiting_payment: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
};

export function SaleStatusBadge({ status }: { status: string }) {
  return (
    <span data-status={status} className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[status] ?? "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"}`}>
      <CodeLabel kind="saleStatus" code={status} />
    </span>
  );
}
