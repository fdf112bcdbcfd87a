// One lead, opened from the worklist (`?lead=<sale id>`): who, what, how much, why it failed (in words, the
// gateway's code in a tooltip), when, and its actions — contact the customer, change its state and note,
// assign it. Shared component; the actions are the two small client islands.
import type { ReactNode } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import { formatMoney } from "@/lib/money";
import { LeadContact } from "./lead-contact";
import { LeadStateBadge } from "./lead-state-badge";
import { LeadStatusForm } from "./lead-status-form";
import type { LeadDetailView, MemberOption } from "./recovery-types";

const MUTED = "text-zinc-600 dark:text-zinc-400";

export function LeadPanel({ lead, members, closeHref, defaultLanguage }: { lead: LeadDetailView; members: MemberOption[]; closeHref: string; defaultLanguage: "fr" | "en" }) {
  const t = useTranslations("Recovery");
  const locale = useLocale();
  const unknown = <span className={MUTED}>{t("unknown")}</span>;
  const row = (label: string, value: ReactNode) => (
    <div className="flex flex-wrap justify-between gap-x-4 py-1">
      <dt className={MUTED}>{label}</dt>
      <dd className="min-w-0 text-right">{value}</dd>
    </div>
  );
  return (
    <section id="lead-panel" data-testid="lead-panel" data-lead-id={lead.saleId} aria-labelledby="lead-panel-title" className="min-w-0 scroll-mt-4 rounded-lg border border-brand-100 bg-white p-4 shadow-sm dark:border-zinc-700 dark:bg-zinc-900">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id="lead-panel-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
            {lead.customerName ?? lead.customerEmail ?? t("unknown")}
          </h2>
          <p className={`text-sm ${MUTED}`}>
            {lead.productName ?? t("unknown")} · {lead.amount !== null && lead.currency ? formatMoney({ minor: lead.amount, currency: lead.currency }, locale) : t("unknown")}
          </p>
        </div>
        <Link prefetch={false} scroll={false} href={closeHref} className={buttonClass("ghost", "min-h-11")} data-testid="lead-close">
          {t("panel.close")}
        </Link>
      </div>
      <dl className="mb-4 divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        {row(t("columns.status"), <LeadStateBadge state={lead.state} recovered={lead.recovered} />)}
        {row(t("columns.reason"), <CodeLabel kind="failureCategory" code={lead.category} />)}
        {lead.failureCode ? row(t("panel.failure"), <CodeLabel kind="failureCode" code={lead.failureCode} />) : null}
        {row(t("panel.at"), lead.at ? <DateTime value={lead.at} /> : unknown)}
        {row(t("columns.channel"), lead.channel ? <CodeLabel kind="channel" code={lead.channel} /> : unknown)}
        {row(t("panel.paymentMethod"), lead.paymentMethod ? <CodeLabel kind="paymentMethod" code={lead.paymentMethod} /> : unknown)}
        {lead.customerEmail ? row(t("panel.email"), <span className="break-all">{lead.customerEmail}</span>) : null}
        {lead.contactedAt ? row(t("panel.contactedAt"), <DateTime value={lead.contactedAt} />) : null}
        {row(
          t("panel.sale"),
          <Link prefetch={false} href={`/sales/${encodeURIComponent(lead.saleId)}`} className="inline-flex min-h-11 items-center font-mono text-xs underline">
            {lead.saleId}
          </Link>,
        )}
      </dl>
      <div className="space-y-4">
        <LeadContact saleId={lead.saleId} hasLink={lead.hasLink} hasEmail={lead.hasEmail} defaultLanguage={defaultLanguage} />
        <LeadStatusForm key={lead.saleId} saleId={lead.saleId} state={lead.state} note={lead.note} assignedTo={lead.assignedTo} members={members} />
      </div>
    </section>
  );
}
