// "Next payout" for the overview: per currency, the next due date and net amount (already formatted).
import { Card } from "@/components/ui/card";

export interface NextPayoutView {
  currency: string;
  dueDay: string;
  net: string;
  salesCount: number;
}

/** `salesLabels`: the translated "n sales" per count shown (plain data, so a server page can pass it). */
export function NextPayoutCard({ title, payouts, emptyMessage, salesLabels }: { title: string; payouts: NextPayoutView[]; emptyMessage: string; salesLabels: Record<number, string> }) {
  return (
    <Card title={title} testId="next-payout">
      {payouts.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{emptyMessage}</p>
      ) : (
        <ul className="space-y-2">
          {payouts.map((p) => (
            <li key={p.currency} className="flex items-baseline justify-between gap-4">
              <span className="text-lg font-semibold tabular-nums">{p.net}</span>
              <span className="text-sm text-zinc-600 dark:text-zinc-400">{p.dueDay} · {salesLabels[p.salesCount]}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
