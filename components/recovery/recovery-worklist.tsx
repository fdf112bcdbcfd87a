"use client";
// The recovery worklist island: one page of leads in the one table, one line each (customer, amount,
// state, age, reason, product; a card on a phone), tick boxes to mark several leads at once or export
// them. A lead's own actions (contact, state, note, assignee) are in its panel, opened by its link
// (`?lead=<sale id>`), so the list stays light. Sort, pages and the panel are links: they work before this
// island hydrates. Mutations go to /api/recovery/leads; the page is then refreshed from the server.
import { inputClass } from "@/components/ui/field";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { hrefWith, type TableSort } from "@/components/data-table/table-state";
import { buttonClass } from "@/components/ui/button";
import { codeLabel } from "@/lib/format/codes";
import { CodeLabel } from "@/components/ui/code-label";
import { ErrorText } from "@/components/ui/error-text";
import { apiFetch } from "@/lib/http/api-client";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { formatMoney } from "@/lib/money";
import { LEAD_STATES, type LeadState } from "@/lib/recovery/lead-states";
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
};

export function RecoveryWorklist(props: RecoveryWorklistProps) {
  const t = useTranslations("Recovery");
  const tc = useTranslations("Codes");
  const locale = useLocale();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkState, setBulkState] = useState<LeadState>("contacted");
  const [status, setStatus] = useState<{ saved: true } | { error: unknown } | null>(null);
  const { leads } = props;

  const applyBulk = async () => {
    try {
      await apiFetch("/api/recovery/leads", { method: "POST", body: { saleIds: [...selected], state: bulkState } });
      setSelected(new Set());
      setStatus({ saved: true });
      router.refresh();
    } catch (error) {
      setStatus({ error });
    }
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const unknown = <span className="text-zinc-600 dark:text-zinc-400">{t("unknown")}</span>;

  const columns: Column<LeadRowView>[] = [
    {
      id: "customer",
      header: t("columns.customer"),
      alwaysVisible: true,
      card: "title",
      cell: (l) => (
        <span className="flex items-center">
          <label className="inline-flex size-11 shrink-0 items-center justify-center">
            <input type="checkbox" className="size-5" aria-label={t("worklist.select", { id: l.saleId })} checked={selected.has(l.saleId)} onChange={(e) => toggle(l.saleId, e.target.checked)} />
          </label>
          <Link prefetch={false} href={leadPanelHref(props.url, l.saleId)} className="inline-flex min-h-11 min-w-0 items-center underline-offset-2 hover:underline" data-testid="lead-open">
            {l.customerName ?? l.customerEmail ?? t("unknown")}
          </Link>
        </span>
      ),
    },
    { id: "amount", header: t("columns.amount"), sortable: true, align: "right", card: "amount", cell: (l) => (l.amount !== null && l.currency ? formatMoney({ minor: l.amount, currency: l.currency }, locale) : unknown) },
    { id: "state", header: t("columns.status"), card: "status", cell: (l) => <LeadStateBadge state={l.state} recovered={l.recovered} /> },
    { id: "at", header: t("columns.age"), sortable: true, card: "date", cell: (l) => (l.ageDays === null ? unknown : t("age", { days: l.ageDays })) },
    { id: "reason", header: t("columns.reason"), cell: (l) => <CodeLabel kind="failureCategory" code={l.category} /> },
    { id: "product", header: t("columns.product"), cell: (l) => l.productName ?? unknown },
  ];

  const allShown = leads.length > 0 && leads.every((l) => selected.has(l.saleId));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2 text-sm" data-testid="recovery-bulk">
        <label className="inline-flex min-h-11 items-center gap-2">
          <input type="checkbox" className="size-5" checked={allShown} disabled={leads.length === 0} onChange={(e) => setSelected(e.target.checked ? new Set(leads.map((l) => l.saleId)) : new Set())} />
          {t("worklist.selectShown")}
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
          {t("actions.bulk")}
          <select className={inputClass} value={bulkState} onChange={(e) => setBulkState(e.target.value as LeadState)}>
            {LEAD_STATES.map((s) => (
              <option key={s} value={s}>
                {codeLabel(tc, "recoveryLeadState", s)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={buttonClass("secondary", "min-h-11")} disabled={selected.size === 0} onClick={applyBulk}>
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
        exportControl={props.exportHref && selected.size > 0 ? { href: `${props.exportHref}&ids=${encodeURIComponent([...selected].join(","))}`, expectedRows: selected.size, filename: "recovery-leads.csv" } : null}
      />
    </div>
  );
}
