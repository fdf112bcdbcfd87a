// Recovery analytics of the range: per currency at-risk vs recovered value and rate, median time to
// recover, breakdowns by failure category and payment method, contacted vs uncontacted conversion. The
// sums of money are absent for a role without settlements:read (recoveryStatsForRole): their lines go.
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { CodeLabel } from "@/components/ui/code-label";
import { formatMoney } from "@/lib/money";
import type { RecoveryStatsView } from "@/lib/recovery/recovery-stats";

const MUTED = "text-zinc-600 dark:text-zinc-400";

export function RecoveryStatsCard({ stats }: { stats: RecoveryStatsView }) {
  const t = useTranslations("Recovery");
  const locale = useLocale();
  const pct = (x: number | null) => (x === null ? t("unknown") : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(x));
  const ratio = (b: { leads: number; recovered: number }) => t("stats.ratio", { recovered: b.recovered, leads: b.leads, rate: pct(b.leads ? b.recovered / b.leads : null) });
  const hours = (h: number) => new Intl.NumberFormat(locale, { style: "unit", unit: "hour", unitDisplay: "long", maximumFractionDigits: 0 }).format(h);
  return (
    <Card title={t("stats.title")} testId="recovery-stats">
      {stats.byCurrency.length === 0 ? (
        <p className={`text-sm ${MUTED}`}>{t("stats.none")}</p>
      ) : (
        <div className="grid gap-6 text-sm md:grid-cols-3">
          {/* One list per currency: a dl's items are dt/dd or one level of div (axe: definition-list). */}
          <div className="space-y-3">
            {stats.byCurrency.map((c) => (
              <dl key={c.currency} data-currency={c.currency} className="space-y-1">
                {c.atRiskValue !== undefined ? (
                  <div className="flex justify-between gap-3">
                    <dt>{t("stats.atRisk")}</dt>
                    <dd className="tabular-nums">{formatMoney({ minor: c.atRiskValue, currency: c.currency }, locale)}</dd>
                  </div>
                ) : null}
                {c.recoveredValue !== undefined ? (
                  <div className="flex justify-between gap-3">
                    <dt>{t("stats.recovered")}</dt>
                    <dd className="tabular-nums">{formatMoney({ minor: c.recoveredValue, currency: c.currency }, locale)}</dd>
                  </div>
                ) : null}
                <div className="flex justify-between gap-3 font-medium">
                  <dt>{t("stats.rate", { currency: c.currency })}</dt>
                  <dd className="tabular-nums" data-testid={`recovery-rate-${c.currency}`}>
                    {pct(c.recoveryRate)}
                  </dd>
                </div>
              </dl>
            ))}
            <dl>
              <div className="flex justify-between gap-3">
                <dt>{t("stats.median")}</dt>
                <dd className="tabular-nums">{stats.medianHoursToRecover === null ? t("unknown") : hours(stats.medianHoursToRecover)}</dd>
              </div>
            </dl>
          </div>
          <div>
            <h3 className="mb-1 font-medium">{t("stats.byCategory")}</h3>
            <ul>
              {stats.byCategory.map((b) => (
                <li key={b.key} className="flex justify-between gap-3">
                  <CodeLabel kind="failureCategory" code={b.key} />
                  <span className="tabular-nums">{ratio(b)}</span>
                </li>
              ))}
            </ul>
            <h3 className="mb-1 mt-3 font-medium">{t("stats.byMethod")}</h3>
            <ul>
              {stats.byPaymentMethod.map((b) => (
                <li key={b.key} className="flex justify-between gap-3">
                  {b.key === "unknown" ? <span>{t("unknown")}</span> : <CodeLabel kind="paymentMethod" code={b.key} />}
                  <span className="tabular-nums">{ratio(b)}</span>
                </li>
              ))}
            </ul>
          </div>
          <dl>
            <div className="flex justify-between gap-3">
              <dt>{t("stats.contacted")}</dt>
              <dd className="tabular-nums">{ratio(stats.contacted)}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt>{t("stats.uncontacted")}</dt>
              <dd className="tabular-nums">{ratio(stats.uncontacted)}</dd>
            </div>
          </dl>
        </div>
      )}
    </Card>
  );
}
