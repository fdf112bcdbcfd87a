// One lead, opened from the inbox (`?lead=<sale id>`, rendered on the server, so it works before
// JavaScript): a side panel over the right of the list from 640 px, a bottom sheet on a phone (its
// backdrop and "Close" are links back to the list; with JavaScript it takes the focus and Escape closes
// it). Over the list rather than beside it: the dashboard's content is at most 72rem wide, and the
// list's line beside a 28rem panel would scroll sideways. Who, what, how much, why it failed (in words, the gateway's
// code in a tooltip), when; then its actions — contact the customer (the same one-tap links as the row),
// the exact payment link (`exactLink`: a slot for the component that creates one), state and note,
// assignee.
import type { ReactNode } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import { formatMoney } from "@/lib/money";
import { LeadContact } from "./lead-contact";
import { LeadPanelFocus } from "./lead-panel-focus";
import { LeadReasonLabel } from "./lead-reason-label";
import { LeadStateBadge } from "./lead-state-badge";
import { LeadStatusForm } from "./lead-status-form";
import type { LeadDetailView, MemberOption } from "./recovery-types";

const MUTED = "text-zinc-600 dark:text-zinc-400";

export type LeadPanelProps = {
  lead: LeadDetailView;
  members: MemberOption[];
  /** The list without the panel (same filters and page). */
  closeHref: string;
  /** The panel with its messages in French / English. */
  languageHrefs: Record<"fr" | "en", string>;
  /** Creating an exact payment link for this lead (Chariow checkout): rendered in the contact section when given. */
  exactLink?: ReactNode;
};

export function LeadPanel({ lead, members, closeHref, languageHrefs, exactLink }: LeadPanelProps) {
  const t = useTranslations("Recovery");
  const locale = useLocale();
  const unknown = <span className={MUTED}>{t("unknown")}</span>;
  const row = (label: string, value: ReactNode) => (
    <div className="flex flex-wrap justify-between gap-x-4 py-1">
      <dt className={MUTED}>{label}</dt>
      <dd className="min-w-0 text-right">{value}</dd>
    </div>
  );
  const first = lead.firstContact;
  return (
    <>
      {/* The backdrop: a tap beside the panel closes it (the Close link is the keyboard's way). */}
      <Link prefetch={false} scroll={false} href={closeHref} tabIndex={-1} aria-hidden aria-label={t("panel.close")} className="fixed inset-0 z-40 bg-black/40 sm:bg-black/20" data-testid="lead-backdrop" />
      <section
        id="lead-panel"
        tabIndex={-1}
        data-testid="lead-panel"
        data-lead-id={lead.saleId}
        aria-labelledby="lead-panel-title"
        className={[
          "fixed z-40 min-w-0 overflow-y-auto overscroll-contain bg-white p-4 shadow-xl outline-none dark:bg-zinc-900",
          // Phone: a bottom sheet (above the tab bar), scrolling on its own.
          "inset-x-0 bottom-0 max-h-[85dvh] rounded-t-2xl",
          // From 640 px: a panel along the right edge, full height.
          "sm:left-auto sm:top-0 sm:max-h-none sm:w-[28rem] sm:max-w-full sm:rounded-none sm:border-l sm:border-zinc-200 sm:dark:border-zinc-700",
        ].join(" ")}
      >
        <LeadPanelFocus panelId="lead-panel" closeHref={closeHref} />
        <div className="mb-3 flex items-start justify-between gap-2">
          <div className="min-w-0">
            <h2 id="lead-panel-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
              {lead.customerName ?? lead.customerEmail ?? t("unknown")}
            </h2>
            <p className={`text-sm ${MUTED}`}>
              {lead.productName ?? t("unknown")} · {lead.amount !== null && lead.currency ? formatMoney({ minor: lead.amount, currency: lead.currency }, locale) : t("unknown")}
            </p>
          </div>
          <Link prefetch={false} scroll={false} href={closeHref} className={buttonClass("ghost", "shrink-0")} data-testid="lead-close">
            {t("panel.close")}
          </Link>
        </div>
        <div className="space-y-4">
          <section aria-label={t("panel.contact")} className="space-y-3">
            <LeadContact lead={lead} languageHrefs={languageHrefs} />
            {exactLink ? <div data-testid="lead-exact-link-slot">{exactLink}</div> : null}
          </section>
          <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {row(t("columns.status"), <LeadStateBadge state={lead.state} recovered={lead.recovered} recoveredBy={lead.recoveredBy} />)}
            {row(t("columns.reason"), <LeadReasonLabel reason={lead.reason} category={lead.category} />)}
            {lead.failureCode ? row(t("panel.failure"), <CodeLabel kind="failureCode" code={lead.failureCode} />) : null}
            {row(t("panel.at"), lead.at ? <DateTime value={lead.at} /> : unknown)}
            {row(t("columns.channel"), lead.channel ? <CodeLabel kind="channel" code={lead.channel} /> : unknown)}
            {row(t("panel.paymentMethod"), lead.paymentMethod ? <CodeLabel kind="paymentMethod" code={lead.paymentMethod} /> : unknown)}
            {lead.customerEmail ? row(t("panel.email"), <span className="break-all">{lead.customerEmail}</span>) : null}
            {lead.contactedAt
              ? row(
                  t("panel.contactedAt"),
                  <span data-testid="lead-first-contact">
                    <DateTime value={lead.contactedAt} />
                    {first ? (
                      <span className={`block text-xs ${MUTED}`}>
                        <CodeLabel kind="contactChannel" code={first.channel} />
                        {first.channel && first.actorEmail ? " · " : null}
                        {first.actorEmail ? <span className="break-all">{first.actorEmail}</span> : null}
                      </span>
                    ) : null}
                  </span>,
                )
              : null}
            {row(
              t("panel.sale"),
              <Link prefetch={false} href={`/sales/${encodeURIComponent(lead.saleId)}`} className="inline-flex min-h-11 items-center font-mono text-xs underline">
                {lead.saleId}
              </Link>,
            )}
          </dl>
          {/* Keyed by the stored state too: after a tap on WhatsApp marks the lead contacted, the form shows it
              (a stale "open" saved with a note would undo the mark). */}
          <LeadStatusForm key={`${lead.saleId}:${lead.state}`} saleId={lead.saleId} state={lead.state} note={lead.note} assignedTo={lead.assignedTo} members={members} />
        </div>
      </section>
    </>
  );
}
