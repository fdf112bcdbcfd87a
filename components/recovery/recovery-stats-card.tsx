// Recovery analytics of the range: per currency at-risk vs recovered value and rate, median time to
// recover, breakdowns by failure category and payment method, contacted vs uncontacted conversion. The
// sums of money are absent for a role without settlements:read (recoveryStatsForRole): their lines go.
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { RecoveryStatsView } from "@/lib/recovery/recovery-stats";

type Labels = Record<"title" | "atRisk" | "recovered" | "rate" | "median" | "byCategory" | "byMethod" | "contacted" | "uncontacted" | "none" | "unknown", string> & { categories: Record<string, string> };

export function RecoveryStatsCard({ stats, locale, labels }: { stats: RecoveryStatsView; locale: string; labels: Labels }) {
  const pct = (x: number | null) => (x === null ? labels.unknown : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(x));
  const ratio = (b: { leads: number; recovered: number }) => `${b.recovered} / ${b.leads} (${pct(b.leads ? b.recovered / b.leads : null)})`;
  return (
    <Card title={labels.title} testId="recovery-stats">
      {stats.byCurrency.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{labels.none}</p> : (
        <div className="grid gap-6 text-sm md:grid-cols-3">
          {/* One list per currency: a dl's items are dt/dd or one level of div (axe: definition-list). */}
          <div className="space-y-1">
            {stats.byCurrency.map((c) => (
              <dl key={c.currency} data-currency={c.currency} className="space-y-1">
                {c.atRiskValue !== undefined ? <div className="flex justify-between"><dt>{labels.atRisk}</dt><dd className="tabular-nums">{formatMoney({ minor: c.atRiskValue, currency: c.currency }, locale)}</dd></div> : null}
                {c.recoveredValue !== undefined ? <div className="flex justify-between"><dt>{labels.recovered}</dt><dd className="tabular-nums">{formatMoney({ minor: c.recoveredValue, currency: c.currency }, locale)}</dd></div> : null}
                <div className="flex justify-between font-medium"><dt>{labels.rate}</dt><dd className="tabular-nums" data-testid={`recovery-rate-${c.currency}`}>{pct(c.recoveryRate)}</dd></div>
              </dl>
            ))}
            <dl>
              <div className="flex justify-between"><dt>{labels.median}</dt><dd className="tabular-nums">{stats.medianHoursToRecover === null ? labels.unknown : `${Math.round(stats.medianHoursToRecover)} h`}</dd></div>
            </dl>
          </div>
          <div>
            <h3 className="mb-1 font-medium">{labels.byCategory}</h3>
            <ul>{stats.byCategory.map((b) => <li key={b.key} className="flex justify-between"><span>{labels.categories[b.key] ?? b.key}</span><span className="tabular-nums">{ratio(b)}</span></li>)}</ul>
            <h3 className="mb-1 mt-3 font-medium">{labels.byMethod}</h3>
            <ul>{stats.byPaymentMethod.map((b) => <li key={b.key} className="flex justify-between"><span>{b.key === "unknown" ? labels.unknown : b.key}</span><span className="tabular-nums">{ratio(b)}</span></li>)}</ul>
          </div>
          <dl>
            <div className="flex justify-between"><dt>{labels.contacted}</dt><dd className="tabular-nums">{ratio(stats.contacted)}</dd></div>
            <div className="flex justify-between"><dt>{labels.uncontacted}</dt><dd className="tabular-nums">{ratio(stats.uncontacted)}</dd></div>
          </dl>
        </div>
      )}
    </Card>
  );
}
