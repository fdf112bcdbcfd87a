// A case's facts on its page: the failed sale as copied when the case was opened (amount, product, times,
// method, failure in words, customer) and what the customer's operator says (reference, amount and day
// debited, SMS, note), as label/value lists that stack on a phone.
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { formatDateTime } from "@/lib/format/date-time";
import { formatMoney } from "@/lib/money";
import type { PaymentCase } from "@/lib/payment-cases/cases";

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="min-w-0 break-words whitespace-pre-wrap text-zinc-900 max-sm:mb-1 dark:text-zinc-100">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CaseFacts({ value: c }: { value: PaymentCase }) {
  const t = useTranslations("PaymentCases.detail.fields");
  const td = useTranslations("PaymentCases.detail");
  const locale = useLocale();
  const codeLabel = useCodeLabel();
  const unknown = <span className="text-zinc-600 dark:text-zinc-400">{t("unknown")}</span>;
  const when = (v: string | null) => (v ? <DateTime value={v} /> : unknown);
  const customer = [c.sale.customerName, c.sale.customerEmail].filter(Boolean).join(" · ");
  const debited = formatDateTime(c.debitedOn, { locale, timeZone: "UTC" }, "date") + (c.debitedTime ? ` ${c.debitedTime}` : "");
  return (
    <>
      <Card title={td("facts")} testId="case-sale-facts">
        <Facts
          rows={[
            [t("saleAmount"), c.sale.amount ? formatMoney(c.sale.amount, locale) : unknown],
            [t("product"), c.sale.productName ?? unknown],
            [t("saleCreatedAt"), when(c.sale.createdAt)],
            [t("saleFailedAt"), when(c.sale.failedAt)],
            [t("paymentMethod"), c.sale.paymentMethod ? codeLabel("paymentMethod", c.sale.paymentMethod) : unknown],
            [t("failure"), c.sale.failureCode ? codeLabel("failureCode", c.sale.failureCode) : unknown],
            [t("transactionId"), c.sale.transactionId ?? unknown],
            [t("customer"), customer || unknown],
          ]}
        />
      </Card>
      <Card title={td("debit")} testId="case-debit-facts">
        <Facts
          rows={[
            [t("operatorReference"), c.operatorReference ?? t("none")],
            [t("amountDebited"), formatMoney(c.amountDebited, locale)],
            [t("debitedOn"), debited],
            [t("smsText"), c.smsText ?? t("none")],
            [t("note"), c.note ?? t("none")],
            [t("openedBy"), c.openedBy ?? unknown],
            [t("openedAt"), when(c.createdAt)],
            [t("sentAt"), c.sentAt ? when(c.sentAt) : t("none")],
            [t("resolvedAt"), c.resolvedAt ? when(c.resolvedAt) : t("none")],
          ]}
        />
      </Card>
    </>
  );
}
