// The two cards above the payout timeline: the range's totals per currency (gross, Chariow's net, what it
// kept, the effective fee rate, the fees as reported; counted by payout day, and it says so) and the paid
// sales whose payout is not known yet.
// Currencies are never added together. Shared component: takes the service's figures, fetches nothing.
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { SettlementTotals, UnknownSettlements } from "@/lib/settlements/group-settlements";
import { CountsByPayoutDay } from "./counts-by-payout-day";

const MUTED = "text-zinc-600 dark:text-zinc-400";

export function SettlementSummary({ totals, unknown, enrichment }: { totals: readonly SettlementTotals[]; unknown: readonly UnknownSettlements[]; enrichment: { paid: number; enriched: number } }) {
  const t = useTranslations("Settlements");
  const locale = useLocale();
  const money = (minor: number | null, currency: string) => (minor === null ? t("unknown") : formatMoney({ minor, currency }, locale));
  const pct = (rate: number | null) => (rate === null ? t("unknown") : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(rate));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card title={t("totals.title")} testId="settlement-totals">
        {totals.length === 0 ? (
          <p className={`text-sm ${MUTED}`}>{t("empty")}</p>
        ) : (
          <div className="space-y-4 text-sm">
            {totals.map((x) => (
              // One list per currency: a dl's items are dt/dd pairs (axe: definition-list).
              <section key={x.currency} aria-label={x.currency} data-currency={x.currency}>
                <h3 className="mb-1 font-medium">{x.currency}</h3>
                <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
                  <dt>{t("columns.gross")}</dt>
                  <dd className="text-right tabular-nums">{money(x.gross, x.currency)}</dd>
                  <dt>{t("columns.net")}</dt>
                  <dd className="text-right font-medium tabular-nums" data-testid="settlement-total-net">{money(x.net, x.currency)}</dd>
                  <dt>{t("columns.deducted")}</dt>
                  <dd className="text-right tabular-nums">{money(x.deducted, x.currency)}</dd>
                  <dt>{t("totals.feeRate")}</dt>
                  <dd className="text-right tabular-nums">{pct(x.effectiveFeeRate)}</dd>
                  <dt className={MUTED}>{t("columns.gatewayFee")}</dt>
                  <dd className={`text-right tabular-nums ${MUTED}`}>{money(x.gatewayFee, x.currency)}</dd>
                  <dt className={MUTED}>{t("columns.serviceFee")}</dt>
                  <dd className={`text-right tabular-nums ${MUTED}`}>{money(x.serviceFee, x.currency)}</dd>
                </dl>
              </section>
            ))}
          </div>
        )}
        <CountsByPayoutDay className="mt-3" />
        <p className={`mt-2 text-xs ${MUTED}`}>{t("netRule")}</p>
      </Card>
      <Card title={t("unknownCard.title")} testId="settlement-unknown">
        <p className="mb-2 text-sm">{t("unknownCard.enrichment", { enriched: enrichment.enriched, paid: enrichment.paid })}</p>
        {unknown.length === 0 ? (
          <p className={`text-sm ${MUTED}`}>{t("unknownCard.none")}</p>
        ) : (
          <ul className="text-sm">
            {unknown.map((u) => (
              <li key={u.currency}>{t("unknownCard.row", { count: u.salesCount, gross: money(u.gross, u.currency) })}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
