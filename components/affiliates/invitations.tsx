// The invitations the dashboard sent (lib/affiliates/queries.ts listInvitations): a GET form to filter
// them by status or e-mail, and one page of them in the one table (prefixed keys `inv_page`…, so the
// ranking above keeps its own page). Shared components: rendered on the server, usable before JavaScript.
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { buttonClass } from "@/components/ui/button";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import { inputClass } from "@/components/ui/field";
import type { InvitationRow, InvitationStatus } from "@/lib/affiliates/queries";
import { useCodeLabel } from "@/components/ui/use-code-label";
import type { SearchParamsRecord } from "@/lib/http/page-query";

export const INVITATIONS_TABLE = "inv";
export const INVITATION_PAGE_SIZES = [25, 50, 100] as const;

/** Status and e-mail search as a GET form; every other key of the page is kept, the invitations' page dropped. */
export function InvitationsFilters({ pathname, query, status, q, statuses }: { pathname: string; query: SearchParamsRecord; status: string; q: string | undefined; statuses: readonly InvitationStatus[] }) {
  const t = useTranslations("Affiliates.invitations");
  const codeLabel = useCodeLabel();
  const kept = Object.entries(query).flatMap(([k, v]) => {
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    return last === undefined || k === "status" || k === "q" || k === `${INVITATIONS_TABLE}_page` ? [] : [[k, last] as const];
  });
  return (
    <form method="get" action={pathname} className="grid gap-3 sm:grid-cols-2 sm:items-end" aria-label={t("filter")} data-testid="invitations-filters">
      {kept.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="flex flex-col gap-1 text-sm">
        {t("status")}
        <select name="status" defaultValue={status} className={inputClass}>
          <option value="all">{t("statuses.all")}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {codeLabel("invitationStatus", s)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("search")}
        <input type="search" name="q" defaultValue={q ?? ""} maxLength={200} className={inputClass} />
      </label>
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClass("primary", "min-h-11")}>
          {t("apply")}
        </button>
      </div>
    </form>
  );
}

export type InvitationsTableProps = {
  rows: readonly InvitationRow[];
  page: { number: number; size: number; hasMore: boolean; totalRows: number };
  url: { pathname: string; query: SearchParamsRecord };
  hidden: readonly string[];
  exportHref: string | null;
};

export function InvitationsTable({ rows, page, url, hidden, exportHref }: InvitationsTableProps) {
  const t = useTranslations("Affiliates.invitations");
  const muted = (text: string) => <span className="text-zinc-600 dark:text-zinc-400">{text}</span>;
  const columns: Column<InvitationRow>[] = [
    { id: "email", header: t("columns.email"), alwaysVisible: true, card: "title", cell: (r) => <span className="break-all font-mono">{r.email}</span> },
    {
      id: "status",
      header: t("columns.status"),
      card: "status",
      cell: (r) => (
        <span data-status={r.status}>
          <CodeLabel kind="invitationStatus" code={r.status} />
          {r.affiliateCode ? <span className="ml-1 font-mono text-xs">{r.affiliateCode}</span> : null}
        </span>
      ),
    },
    { id: "sent_at", header: t("columns.sentAt"), card: "date", cell: (r) => <DateTime value={r.sentAt ?? r.recordedAt} style="date" /> },
    { id: "expires_at", header: t("columns.expiresAt"), cell: (r) => (r.expiresAt ? <DateTime value={r.expiresAt} style="date" /> : muted(t("unknown"))) },
    { id: "sent_by", header: t("columns.sentBy"), cell: (r) => r.sentBy ?? muted(t("unknown")) },
  ];
  return (
    <DataTable
      testId="affiliate-invitations-table"
      label={t("title")}
      keyPrefix={INVITATIONS_TABLE}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      url={url}
      hidden={hidden}
      page={{ ...page, sizes: INVITATION_PAGE_SIZES }}
      emptyMessage={t("empty")}
      exportControl={exportHref ? { href: exportHref, expectedRows: page.totalRows, filename: "affiliate-invitations.csv" } : null}
    />
  );
}
