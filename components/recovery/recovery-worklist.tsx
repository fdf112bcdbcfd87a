"use client";
// The Recovery inbox island: one page of leads in the one table, one line each — customer and product,
// amount, reason in words, age, status, who follows it, and the primary action: the WhatsApp (or e-mail)
// link with its prefilled message, built on the server, one tap to the chat (a card on a phone, the
// button at its foot). A lead's note, assignee and status are in its panel (`?lead=<sale id>`), opened by
// its name or a tap on its line. Tick boxes mark several leads at once or export them. Sort, pages and the
// panel are links: they work before this island hydrates. Mutations go to /api/recovery/leads; the page
// is then refreshed from the server.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Mail, MessageCircle } from "lucide-react";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { hrefWith, type TableSort } from "@/components/data-table/table-state";
import { useRowSelection } from "@/components/data-table/row-selection";
import { buttonClass } from "@/components/ui/button";
import { filterLabelClass, selectClass } from "@/components/ui/field";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { ErrorText } from "@/components/ui/error-text";
import { apiFetch } from "@/lib/http/api-client";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { formatMoney } from "@/lib/money";
import { LEAD_STATES, type LeadState } from "@/lib/recovery/lead-states";
import { contactButtonClass } from "./contact-button";
import { LeadContactLink } from "./lead-contact-link";
import { LeadReasonLabel } from "./lead-reason-label";
import { LeadStateBadge } from "./lead-state-badge";
import type { LeadRowView } from "./recovery-types";

/** Where a lead's panel opens: the same list (filters, sort, page) with `lead` set, scrolled to the panel. */
export function leadPanelHref(url: { pathname: string; query: SearchParamsRecord }, saleId: string): string {
  // `lead` as the page key: hrefWith then keeps the list's own page.
  return `${hrefWith(url.pathname, url.query, { lead: saleId }, "lead")}#lead-panel`;
}

export type RecoveryWorklistProps = {
  leads: LeadRowView[];
  /** Leads of the filter on every page: "page x of y". */
  total: number;
  url: { pathname: string; query: SearchParamsRecord };
  sort: TableSort;
  hidden: string[];
  page: { number: number; size: number; hasMore: boolean; sizes: readonly number[] };
  /** The lead whose panel is open. */
  openLead: string | null;
  /** The CSV of selected leads without `ids` (`/api/recovery/export.csv?from&to`), or null without export:csv. */
  exportHref: string | null;
  /** The server's clock when it rendered (ISO): ages read the same in the HTML and after hydration. */
  now: string;
};

export function RecoveryWorklist(props: RecoveryWorklistProps) {
  const t = useTranslations("Recovery");
  const codeLabel = useCodeLabel();
  const format = useFormatter();
  const locale = useLocale();
  const router = useRouter();
  const { leads } = props;
  const selection = useRowSelection(leads.map((l) => l.saleId));
  const [bulkState, setBulkState] = useState<LeadState>("contacted");
  const [status, setStatus] = useState<{ saved: true } | { error: unknown } | null>(null);
  const now = new Date(props.now);

  const applyBulk = async () => {
    try {
      await apiFetch("/api/recovery/leads", { method: "POST", body: { saleIds: [...selection.selected], state: bulkState } });
      selection.clear();
      setStatus({ saved: true });
      router.refresh();
    } catch (error) {
      setStatus({ error });
    }
  };
  // "3 h ago" within a day; from a day on in full words ("3 days ago", "7 months ago"): a short "7 m." reads as minutes.
  const age = (at: string) => {
    const date = new Date(at);
    return format.relativeTime(date, { now, style: Math.abs(now.getTime() - date.getTime()) < 86_400_000 ? "short" : "long" });
  };
  const muted = "text-zinc-600 dark:text-zinc-400";
  const unknown = <span className={muted}>{t("unknown")}</span>;
  const who = (l: LeadRowView) => l.customerName ?? l.customerEmail ?? t("unknown");

  const columns: Column<LeadRowView>[] = [
    {
      id: "customer",
      header: t("columns.customer"),
      alwaysVisible: true,
      card: "title",
      cell: (l) => (
        <span className="flex items-center">
          <label className="inline-flex size-11 shrink-0 items-center justify-center">
            <input type="checkbox" className="size-5" aria-label={t("worklist.select", { id: l.saleId })} checked={selection.has(l.saleId)} onChange={(e) => selection.toggle(l.saleId, e.target.checked)} />
          </label>
          <span className="flex min-w-0 flex-col">
            <Link prefetch={false} href={leadPanelHref(props.url, l.saleId)} className="inline-flex min-h-11 min-w-0 items-center underline-offset-2 hover:underline" data-testid="lead-open">
              {who(l)}
            </Link>
            {/* The product under the customer: one column less, so the line fits beside the panel. */}
            <span className={`-mt-2 truncate pb-1 text-xs font-normal ${muted}`}>{l.productName ?? t("unknown")}</span>
          </span>
        </span>
      ),
    },
    { id: "amount", header: t("columns.amount"), sortable: true, align: "right", card: "amount", cell: (l) => (l.amount !== null && l.currency ? formatMoney({ minor: l.amount, currency: l.currency }, locale) : unknown) },
    { id: "reason", header: t("columns.reason"), card: "status", cell: (l) => <LeadReasonLabel reason={l.reason} category={l.category} /> },
    {
      id: "at",
      header: t("columns.age"),
      sortable: true,
      card: "date",
      cell: (l) => (l.at ? <time dateTime={l.at} title={format.dateTime(new Date(l.at), { dateStyle: "medium", timeStyle: "short" })}>{age(l.at)}</time> : unknown),
    },
    {
      id: "state",
      header: t("columns.status"),
      cell: (l) => (
        <span data-testid={`lead-status-${l.saleId}`}>
          <LeadStateBadge state={l.state} recovered={l.recovered} recoveredBy={l.recoveredBy} />
        </span>
      ),
    },
    { id: "assignee", header: t("columns.assignee"), card: "none", cell: (l) => l.assigneeName ?? <span className={muted}>{t("actions.unassigned")}</span> },
    {
      id: "contact",
      header: t("columns.contact"),
      alwaysVisible: true,
      card: "actions",
      cell: (l) =>
        l.contact === null ? null : l.contact === "none" ? (
          <span className={`inline-flex min-h-11 items-center text-xs ${muted}`} data-testid={`lead-no-contact-${l.saleId}`}>
            {t("row.noContact")}
          </span>
        ) : (
          <span className="flex flex-wrap items-center gap-1 max-sm:w-full">
            <LeadContactLink
              saleId={l.saleId}
              contact={l.contact}
              label={t(l.contact.channel === "whatsapp" ? "row.whatsappLabel" : "row.emailLabel", { customer: who(l) })}
              className={contactButtonClass(l.contact.channel, "max-sm:w-full")}
              testId={`lead-${l.contact.channel}-${l.saleId}`}
            >
              {l.contact.channel === "whatsapp" ? <MessageCircle aria-hidden className="size-4" /> : <Mail aria-hidden className="size-4" />}
              {t(l.contact.channel === "whatsapp" ? "actions.whatsapp" : "actions.email")}
            </LeadContactLink>
          </span>
        ),
    },
  ];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2 text-sm" data-testid="recovery-bulk">
        <label className="inline-flex min-h-11 items-center gap-2">
          <input type="checkbox" className="size-5" checked={selection.allShown} disabled={leads.length === 0} onChange={(e) => selection.setAll(e.target.checked)} />
          {t("worklist.selectShown")}
        </label>
        <label className={filterLabelClass}>
          {t("actions.bulk")}
          <select className={selectClass} value={bulkState} onChange={(e) => setBulkState(e.target.value as LeadState)}>
            {LEAD_STATES.map((s) => (
              <option key={s} value={s}>
                {codeLabel("recoveryLeadState", s)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={buttonClass("secondary", "min-h-11")} disabled={selection.size === 0} onClick={applyBulk}>
          {t("actions.bulkApply")}
        </button>
        {status ? (
          <span role="status" className={"error" in status ? "text-red-700 dark:text-red-300" : undefined}>
            {"saved" in status ? t("actions.saved") : <ErrorText error={status.error} />}
          </span>
        ) : null}
      </div>
      <DataTable
        label={t("worklist.label")}
        testId="recovery-worklist"
        columns={columns}
        rows={leads}
        rowKey={(l) => l.saleId}
        rowHref={(l) => leadPanelHref(props.url, l.saleId)}
        selectedKey={props.openLead}
        url={props.url}
        sort={props.sort}
        hidden={props.hidden}
        page={{ ...props.page, totalRows: props.total }}
        emptyMessage={t("worklist.empty")}
        exportControl={
          props.exportHref && selection.size > 0 ? { href: `${props.exportHref}&ids=${encodeURIComponent([...selection.selected].join(","))}`, expectedRows: selection.size, filename: "recovery-leads.csv" } : null
        }
      />
    </div>
  );
}
