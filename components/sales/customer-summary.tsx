// A customer at a glance: lifetime paid value per currency, first and last purchase, and attempts that
// did not pay (failed, abandoned, still awaiting payment). Dates in the store's time zone (<DateTime>);
// two figures a row on a phone.
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { CustomerSummary } from "@/lib/customers/get-customer";
import { formatMoney } from "@/lib/money";

export function CustomerSummaryCard({ customer }: { customer: CustomerSummary }) {
  const t = useTranslations("Customers");
  const locale = useLocale();
  const when = (iso: string | null, style: "date" | "dateTime" = "dateTime") => (iso ? <DateTime value={iso} style={style} /> : t("none"));
  const count = (n: number) => n.toLocaleString(locale);
  const stat = (label: string, value: ReactNode, testId: string) => (
    <div className="min-w-0 rounded-lg border border-zinc-200 px-4 py-2 dark:border-zinc-800">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-base font-semibold tabular-nums [overflow-wrap:anywhere]" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <Card testId="customer-summary">
      <dl className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap">
        {stat(t("lifetimePaid"), customer.lifetimePaid.length > 0 ? customer.lifetimePaid.map((m) => formatMoney(m, locale)).join(" · ") : t("none"), "customer-lifetime")}
        {stat(t("paidCount"), count(customer.paidCount), "customer-paid-count")}
        {stat(t("firstPurchase"), when(customer.firstPurchaseAt), "customer-first")}
        {stat(t("lastPurchase"), when(customer.lastPurchaseAt), "customer-last")}
        {stat(t("failed"), count(customer.failedCount), "customer-failed")}
        {stat(t("abandoned"), count(customer.abandonedCount), "customer-abandoned")}
        {customer.awaitingCount > 0 ? stat(t("awaiting"), count(customer.awaitingCount), "customer-awaiting") : null}
        {customer.firstSeenAt ? stat(t("firstSeen"), when(customer.firstSeenAt, "date"), "customer-first-seen") : null}
      </dl>
    </Card>
  );
}
