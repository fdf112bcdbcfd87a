// A customer at a glance: lifetime paid value per currency, first and last purchase, and attempts that
// did not pay (failed, abandoned, still awaiting payment).
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { CustomerSummary } from "@/lib/customers/get-customer";
import { formatMoney } from "@/lib/money";

export function CustomerSummaryCard({ customer, timeZone, firstSeen }: { customer: CustomerSummary; timeZone: string; firstSeen: string | null }) {
  const t = useTranslations("Customers");
  const format = useFormatter();
  const locale = useLocale();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone }) : t("none"));
  const stat = (label: string, value: string, testId: string) => (
    <div className="rounded-lg border border-zinc-200 px-4 py-2 dark:border-zinc-800">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-base font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <Card testId="customer-summary">
      <dl className="flex flex-wrap gap-3">
        {stat(t("lifetimePaid"), customer.lifetimePaid.length > 0 ? customer.lifetimePaid.map((m) => formatMoney(m, locale)).join(" · ") : t("none"), "customer-lifetime")}
        {stat(t("paidCount"), String(customer.paidCount), "customer-paid-count")}
        {stat(t("firstPurchase"), when(customer.firstPurchaseAt), "customer-first")}
        {stat(t("lastPurchase"), when(customer.lastPurchaseAt), "customer-last")}
        {stat(t("failed"), String(customer.failedCount), "customer-failed")}
        {stat(t("abandoned"), String(customer.abandonedCount), "customer-abandoned")}
        {customer.awaitingCount > 0 ? stat(t("awaiting"), String(customer.awaitingCount), "customer-awaiting") : null}
        {firstSeen ? stat(t("firstSeen"), firstSeen, "customer-first-seen") : null}
      </dl>
    </Card>
  );
}
