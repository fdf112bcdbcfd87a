// Everything in a Sale object (DESIGN §3 "Sale detail"), as sections of definition lists. Takes plain
// data (lib/sales/sale-detail-view.ts); unknown values say so instead of showing 0. Codes in the
// merchant's words (<CodeLabel>: statuses, gateway, method, failure, channel, country, device, language),
// dates in the store's time zone (<DateTime>); a failure shows its translated reason, the code in a
// tooltip, and Chariow's own English message only behind "Technical detail" when the code is unknown.
import type { ReactNode } from "react";
import Link from "next/link";
import { useFormatter, useLocale, useTimeZone, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import { isKnownCode, type CodeKind } from "@/lib/format/codes";
import { formatDateTime } from "@/lib/format/date-time";
import { formatMoney, type Money } from "@/lib/money";
import type { SaleDetailView } from "@/lib/sales/sale-detail-view";
import type { SaleListItem } from "@/lib/sales/schemas";
import { SaleLicences } from "./sale-licences";
import { SaleStatusBadge } from "./sale-status-badge";

type Row = [label: string, value: ReactNode, testId?: string];

function Facts({ rows }: { rows: Row[] }) {
  return (
    <dl className="grid grid-cols-[minmax(min-content,1fr)_minmax(0,max-content)] gap-x-4 gap-y-1.5 text-sm">
      {rows.map(([label, value, testId]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="break-words text-right" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** `showFinancials` false (no settlements:read): the fee, net, settlement and payout rows are left out, not shown as unknown. */
export function SaleDetail({ sale, showFinancials, otherPurchases }: { sale: SaleDetailView; showFinancials: boolean; otherPurchases: SaleListItem[] }) {
  const t = useTranslations("SaleDetail");
  const format = useFormatter();
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const unknown = <span className="text-zinc-600 dark:text-zinc-400">{t("unknown")}</span>;
  const money = (m: Money | null | undefined) => (m ? formatMoney(m, locale) : unknown);
  const when = (iso: string | null | undefined) => (iso ? <DateTime value={iso} /> : unknown);
  const text = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? unknown : String(v));
  const code = (kind: CodeKind | "country" | "locale", value: string | null | undefined) => (value ? <CodeLabel kind={kind} code={value} /> : unknown);
  const p = sale.payment;
  const { paid, net, deducted } = sale.amounts;
  // The net is Chariow's settlement amount, as the view gives it; the fees below it are what Chariow
  // reports, shown for information — the page never subtracts them (lib/settlements/net.ts).
  const deductedText =
    deducted && paid && paid.minor > 0
      ? t("amounts.deductedRate", { amount: formatMoney(deducted, locale), rate: format.number(deducted.minor / paid.minor, { style: "percent", maximumFractionDigits: 2 }) })
      : null;
  const failure = p.failure ? (
    <>
      {p.failure.code ? <CodeLabel kind="failureCode" code={p.failure.code} /> : null}
      {/* Chariow's message is English: only where its code has no words of ours, and out of the way. */}
      {p.failure.message && !(p.failure.code && isKnownCode("failureCode", p.failure.code)) ? (
        <details className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          <summary className="cursor-pointer">{t("payment.technicalDetail")}</summary>
          <span lang="en">{p.failure.message}</span>
        </details>
      ) : null}
    </>
  ) : (
    "—"
  );

  const timeline: { key: string; at: string | null; reached: boolean }[] = [
    { key: "created", at: sale.times.createdAt, reached: true },
    { key: "awaitingPayment", at: sale.times.awaitingPaymentAt, reached: Boolean(sale.times.awaitingPaymentAt) || sale.status === "awaiting_payment" },
    ...(sale.status === "failed"
      ? [{ key: "failed", at: sale.times.failedAt, reached: true }]
      : sale.status === "abandoned"
        ? [{ key: "abandoned", at: sale.times.abandonedAt, reached: true }]
        : [
            { key: "completed", at: sale.times.completedAt, reached: sale.status === "completed" || sale.status === "settled" },
            // When the money was paid out is the store's business: the step is left out without settlements:read.
            ...(showFinancials ? [{ key: "settled", at: sale.times.settledAt, reached: sale.status === "settled" || Boolean(sale.times.settledAt) }] : []),
          ]),
  ];

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("timeline.title")} testId="sale-timeline">
        <ol className="space-y-2 text-sm">
          {timeline.map((step) => (
            <li key={step.key} className={`flex flex-wrap items-center gap-x-3 gap-y-0.5 ${step.reached ? "" : "text-zinc-600 dark:text-zinc-400"}`} data-reached={step.reached}>
              <span aria-hidden className={`size-2.5 rounded-full ${step.reached ? "bg-brand-600" : "border border-zinc-400"}`} />
              <span className="sm:w-40">{t(`timeline.${step.key}`)}</span>
              <span>{step.at ? when(step.at) : step.reached ? unknown : "—"}</span>
            </li>
          ))}
        </ol>
      </Card>

      <Card title={t("amounts.title")} testId="sale-amounts">
        <Facts
          rows={[
            [t("amounts.original"), money(sale.amounts.original), "amount-original"],
            [t("amounts.discount"), sale.amounts.discount ? `− ${formatMoney(sale.amounts.discount, locale)}` : unknown, "amount-discount"],
            [t("amounts.paid"), <strong key="paid">{money(paid)}</strong>, "amount-paid"],
            ...(showFinancials
              ? ([
                  [t("amounts.net"), net ? <strong key="net">{formatMoney(net, locale)}</strong> : <span className="text-zinc-600 dark:text-zinc-400">{t("amounts.netUnknown")}</span>, "amount-net"],
                  [t("amounts.deducted"), deductedText ?? unknown, "amount-deducted"],
                  [t("amounts.gatewayFee"), money(p.fee)],
                  [t("amounts.serviceFee"), money(sale.settlement?.serviceFee)],
                ] satisfies Row[])
              : []),
          ]}
        />
      </Card>

      <Card title={t("payment.title")} testId="sale-payment">
        <Facts
          rows={[
            [t("payment.status"), code("paymentStatus", p.status), "payment-status"],
            [t("payment.gateway"), code("gateway", p.gateway)],
            [t("payment.method"), code("paymentMethod", p.method), "payment-method"],
            [t("payment.transaction"), text(p.transactionId)],
            [t("payment.amount"), money(p.amount)],
            ...(showFinancials
              ? ([
                  [t("payment.fee"), money(p.fee)],
                  [t("payment.feeRate"), p.feeRatePercent !== null ? format.number(p.feeRatePercent / 100, { style: "percent", maximumFractionDigits: 2 }) : unknown],
                ] satisfies Row[])
              : []),
            [t("payment.exchangeRate"), p.exchangeRate !== null ? format.number(p.exchangeRate, { maximumFractionDigits: 6 }) : unknown],
            [t("payment.failure"), failure, "payment-failure"],
          ]}
        />
      </Card>

      {showFinancials ? (
        <Card title={t("settlement.title")} testId="sale-settlement">
          {sale.settlement ? (
            <Facts
              rows={[
                [t("settlement.net"), money(sale.settlement.net)],
                [t("settlement.serviceFee"), money(sale.settlement.serviceFee)],
                [t("settlement.due"), when(sale.settlement.dueAt)],
                [t("settlement.done"), sale.settlement.doneAt ? when(sale.settlement.doneAt) : t("settlement.notYet")],
              ]}
            />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("settlement.none")}</p>
          )}
        </Card>
      ) : null}

      <Card title={t("delivery.title")} testId="sale-delivery">
        <Facts
          rows={[
            [t("delivery.downloads"), sale.download ? t("delivery.downloadCount", { count: sale.download.total ?? 0 }) : unknown],
            [t("delivery.lastDownload"), when(sale.download?.lastAt)],
            [t("delivery.instructions"), text(sale.postPurchase?.instructions)],
            [
              t("delivery.invoice"),
              sale.invoiceUrl ? (
                <a key="invoice" href={sale.invoiceUrl} className="inline-flex min-h-11 items-center text-brand-700 underline dark:text-brand-100" rel="noreferrer noopener" target="_blank">
                  {t("delivery.invoiceLink")}
                </a>
              ) : (
                "—"
              ),
            ],
          ]}
        />
        {sale.postPurchase && sale.postPurchase.files.length > 0 ? (
          <ul className="mt-3 space-y-1 text-sm" data-testid="sale-files">
            {sale.postPurchase.files.map((f) => (
              <li key={f.id} className="break-words">
                {f.downloadUrl ? (
                  <a href={f.downloadUrl} className="inline-flex min-h-11 items-center text-brand-700 underline dark:text-brand-100" rel="noreferrer noopener" target="_blank">
                    {f.name ?? f.id}
                  </a>
                ) : (
                  (f.name ?? f.id)
                )}{" "}
                {f.expiresAt ? <span className="text-xs text-zinc-600 dark:text-zinc-400">{t("delivery.expires", { when: formatDateTime(f.expiresAt, { locale, timeZone }) })}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {sale.postPurchase && sale.postPurchase.licences.length > 0 ? (
          <div className="mt-3">
            <SaleLicences licences={sale.postPurchase.licences} />
          </div>
        ) : null}
      </Card>

      <Card title={t("context.title")} testId="sale-context">
        <Facts
          rows={[
            [t("context.channel"), code("channel", sale.channel)],
            [t("context.country"), code("country", sale.context?.country ?? sale.shipping?.country)],
            [t("context.device"), code("device", sale.context?.device)],
            [t("context.locale"), code("locale", sale.context?.locale)],
            [t("context.shipping"), sale.shipping ? [sale.shipping.address, sale.shipping.zip, sale.shipping.city, sale.shipping.state, sale.shipping.country].filter(Boolean).join(", ") || unknown : "—"],
            [t("context.rating"), sale.rating ? `${sale.rating.value} / 5${sale.rating.comment ? ` — ${sale.rating.comment}` : ""}` : "—"],
            [t("context.campaign"), sale.campaign ? (sale.campaign.name ?? sale.campaign.id) : "—"],
            [
              t("context.discount"),
              sale.discount ? (
                <>
                  {sale.discount.code ?? sale.discount.id}
                  {sale.discount.type ? (
                    <>
                      {" ("}
                      <CodeLabel kind="discountType" code={sale.discount.type} />
                      {")"}
                    </>
                  ) : null}
                </>
              ) : (
                "—"
              ),
            ],
            [t("context.affiliate"), sale.affiliate ? `${sale.affiliate.code ?? sale.affiliate.id ?? ""}${sale.affiliate.commission ? ` · ${t("context.commission")} ${formatMoney(sale.affiliate.commission, locale)}` : ""}` : "—"],
          ]}
        />
      </Card>

      <Card title={t("customer.title")} testId="sale-customer">
        {sale.customer ? (
          <>
            <p className="text-sm break-words">
              <Link prefetch={false} href={`/customers/${encodeURIComponent(sale.customer.id)}`} className="inline-flex min-h-11 min-w-11 items-center font-medium text-brand-700 underline dark:text-brand-100">
                {sale.customer.name ?? sale.customer.email ?? t("unknown")}
              </Link>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">{sale.customer.name ? sale.customer.email : null}</span>
            </p>
            <h3 className="mt-4 mb-2 text-sm font-semibold">{t("customer.otherPurchases")}</h3>
            {otherPurchases.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("customer.noOther")}</p>
            ) : (
              <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="other-purchases">
                {otherPurchases.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 py-1">
                    <Link prefetch={false} href={`/sales/${encodeURIComponent(o.id)}`} className="inline-flex min-h-11 items-center font-mono text-xs text-brand-700 underline dark:text-brand-100">
                      {o.id}
                    </Link>
                    <SaleStatusBadge status={o.status} />
                    <span className="min-w-0 break-words">{o.productName ?? ""}</span>
                    <span className="tabular-nums">{o.amount ? formatMoney(o.amount, locale) : ""}</span>
                    {o.createdAt ? <DateTime value={o.createdAt} style="date" className="text-xs text-zinc-600 dark:text-zinc-400" /> : null}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          unknown
        )}
      </Card>
      <div className="flex flex-wrap items-center gap-2 text-sm lg:col-span-2">
        <span className="text-zinc-600 dark:text-zinc-400">{t("product")}</span>
        {sale.product ? (
          <span>
            {sale.product.name ?? sale.product.id}
            {sale.product.type ? (
              <>
                {" ("}
                <CodeLabel kind="productType" code={sale.product.type} />
                {")"}
              </>
            ) : null}
          </span>
        ) : (
          unknown
        )}
        <SaleStatusBadge status={sale.status} />
      </div>
    </div>
  );
}
