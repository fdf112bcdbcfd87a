// Everything in a Sale object (DESIGN §3 "Sale detail"), as sections of definition lists. Takes plain
// data (lib/sales/sale-detail-view.ts); unknown values say so instead of showing 0.
import type { ReactNode } from "react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { RevealKey } from "@/components/licences/reveal-key";
import { formatMoney, type Money } from "@/lib/money";
import type { SaleDetailView } from "@/lib/sales/sale-detail-view";
import type { SaleListItem } from "@/lib/sales/schemas";
import { SaleStatusBadge } from "./sale-status-badge";

type Row = [label: string, value: ReactNode, testId?: string];

function Facts({ rows }: { rows: Row[] }) {
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1.5 text-sm">
      {rows.map(([label, value, testId]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="break-words" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** `showFinancials` false (no settlements:read): the fee, net, settlement and payout rows are left out, not shown as unknown. */
export function SaleDetail({ sale, showFinancials, timeZone, otherPurchases }: { sale: SaleDetailView; showFinancials: boolean; timeZone: string; otherPurchases: SaleListItem[] }) {
  const t = useTranslations("SaleDetail");
  const format = useFormatter();
  const locale = useLocale();
  const unknown = <span className="text-zinc-600 dark:text-zinc-400">{t("unknown")}</span>;
  const money = (m: Money | null | undefined) => (m ? formatMoney(m, locale) : unknown);
  const when = (iso: string | null | undefined) => (iso ? <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone })}</time> : unknown);
  const text = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? unknown : String(v));
  const p = sale.payment;
  const { paid, net, deducted } = sale.amounts;
  // The net is Chariow's settlement amount, as the view gives it; the fees below it are what Chariow
  // reports, shown for information — the page never subtracts them (lib/settlements/net.ts).
  const deductedText =
    deducted && paid && paid.minor > 0
      ? t("amounts.deductedRate", { amount: formatMoney(deducted, locale), rate: format.number(deducted.minor / paid.minor, { style: "percent", maximumFractionDigits: 2 }) })
      : null;

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
            <li key={step.key} className={`flex items-center gap-3 ${step.reached ? "" : "text-zinc-600 dark:text-zinc-400"}`} data-reached={step.reached}>
              <span aria-hidden className={`size-2.5 rounded-full ${step.reached ? "bg-brand-600" : "border border-zinc-300"}`} />
              <span className="w-40">{t(`timeline.${step.key}`)}</span>
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
            [t("payment.status"), text(p.status)],
            [t("payment.gateway"), text(p.gateway)],
            [t("payment.method"), text(p.method)],
            [t("payment.transaction"), text(p.transactionId)],
            [t("payment.amount"), money(p.amount)],
            ...(showFinancials
              ? ([
                  [t("payment.fee"), money(p.fee)],
                  [t("payment.feeRate"), p.feeRatePercent !== null ? `${format.number(p.feeRatePercent, { maximumFractionDigits: 2 })} %` : unknown],
                ] satisfies Row[])
              : []),
            [t("payment.exchangeRate"), p.exchangeRate !== null ? format.number(p.exchangeRate, { maximumFractionDigits: 6 }) : unknown],
            [t("payment.failure"), p.failure ? `${p.failure.code ?? ""} ${p.failure.message ?? ""}`.trim() : "—", "payment-failure"],
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
                <a key="invoice" href={sale.invoiceUrl} className="text-brand-700 underline dark:text-brand-100" rel="noreferrer noopener" target="_blank">
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
              <li key={f.id}>
                {f.downloadUrl ? (
                  <a href={f.downloadUrl} className="text-brand-700 underline dark:text-brand-100" rel="noreferrer noopener" target="_blank">
                    {f.name ?? f.id}
                  </a>
                ) : (
                  (f.name ?? f.id)
                )}{" "}
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{f.expiresAt ? t("delivery.expires", { when: format.dateTime(new Date(f.expiresAt), { dateStyle: "short", timeStyle: "short", timeZone }) }) : null}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {sale.postPurchase && sale.postPurchase.licences.length > 0 ? (
          <table className="mt-3 w-full text-left text-sm" data-testid="sale-licences">
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th className="py-1">{t("delivery.licence")}</th>
                <th>{t("delivery.licenceStatus")}</th>
                <th>{t("delivery.activations")}</th>
                <th>{t("delivery.licenceExpires")}</th>
              </tr>
            </thead>
            <tbody>
              {sale.postPurchase.licences.map((l) => (
                <tr key={l.id}>
                  <td className="py-1 font-mono text-xs" data-licence-id={l.id}>
                    <RevealKey licenceId={l.id} maskedKey={l.maskedKey} />
                  </td>
                  <td>{text(l.status)}</td>
                  <td>{l.activations !== null ? `${l.activations} / ${l.maxActivations ?? "∞"}` : unknown}</td>
                  <td>{l.expiresAt ? when(l.expiresAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Card>

      <Card title={t("context.title")} testId="sale-context">
        <Facts
          rows={[
            [t("context.channel"), text(sale.channel)],
            [t("context.country"), text(sale.context?.country ?? sale.shipping?.country)],
            [t("context.device"), text(sale.context?.device)],
            [t("context.locale"), text(sale.context?.locale)],
            [t("context.shipping"), sale.shipping ? [sale.shipping.address, sale.shipping.zip, sale.shipping.city, sale.shipping.state, sale.shipping.country].filter(Boolean).join(", ") || unknown : "—"],
            [t("context.rating"), sale.rating ? `${sale.rating.value} / 5${sale.rating.comment ? ` — ${sale.rating.comment}` : ""}` : "—"],
            [t("context.campaign"), sale.campaign ? (sale.campaign.name ?? sale.campaign.id) : "—"],
            [t("context.discount"), sale.discount ? `${sale.discount.code ?? sale.discount.id}${sale.discount.type ? ` (${sale.discount.type})` : ""}` : "—"],
            [t("context.affiliate"), sale.affiliate ? `${sale.affiliate.code ?? sale.affiliate.id ?? ""}${sale.affiliate.commission ? ` · ${t("context.commission")} ${formatMoney(sale.affiliate.commission, locale)}` : ""}` : "—"],
          ]}
        />
      </Card>

      <Card title={t("customer.title")} testId="sale-customer">
        {sale.customer ? (
          <>
            <p className="text-sm">
              <Link href={`/customers/${encodeURIComponent(sale.customer.id)}`} className="font-medium text-brand-700 underline dark:text-brand-100">
                {sale.customer.name ?? sale.customer.id}
              </Link>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">{sale.customer.email}</span>
            </p>
            <h3 className="mt-4 mb-2 text-sm font-semibold">{t("customer.otherPurchases")}</h3>
            {otherPurchases.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("customer.noOther")}</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="other-purchases">
                {otherPurchases.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center gap-2">
                    <Link href={`/sales/${encodeURIComponent(o.id)}`} className="font-mono text-xs text-brand-700 underline dark:text-brand-100">
                      {o.id}
                    </Link>
                    <SaleStatusBadge status={o.status} />
                    <span>{o.productName ?? ""}</span>
                    <span className="tabular-nums">{o.amount ? formatMoney(o.amount, locale) : ""}</span>
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">{o.createdAt ? format.dateTime(new Date(o.createdAt), { dateStyle: "short", timeZone }) : ""}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          unknown
        )}
      </Card>
      <div className="lg:col-span-2 flex items-center gap-2 text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">{t("product")}</span> {sale.product ? `${sale.product.name ?? sale.product.id}${sale.product.type ? ` (${sale.product.type})` : ""}` : unknown}
        <SaleStatusBadge status={sale.status} />
      </div>
    </div>
  );
}
