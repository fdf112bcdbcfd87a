// The audit log, one page of the shared table (URL keys `audit_page`, `audit_size`), newest first: when
// (in the store's time zone), who, what (the action in words) and on whom (a setting's key, an export's
// list, a time zone in words: lib/format/audit-target.ts). The entry's details and address are in the
// CSV export.
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { CodeLabel } from "@/components/ui/code-label";
import { DateTime } from "@/components/ui/date-time";
import { auditTargetWords } from "@/lib/format/audit-target";
import type { SearchParamsRecord } from "@/lib/http/page-query";

export type AuditRow = { id: number; at: string; actorEmail: string | null; action: string; target: string | null };

export const AUDIT_TABLE_PREFIX = "audit";
export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;

type Props = {
  entries: AuditRow[];
  url: { pathname: string; query: SearchParamsRecord };
  page: { number: number; size: number; hasMore: boolean };
  exportHref?: string | null;
};

export function AuditTable({ entries, url, page, exportHref }: Props) {
  const t = useTranslations("audit");
  const targets = useTranslations("audit.targets");
  const context = { locale: useLocale(), timeZone: useTimeZone() ?? "UTC" };
  const columns: Column<AuditRow>[] = [
    { id: "at", header: t("columns.at"), card: "date", cell: (e) => <DateTime value={e.at} className="text-zinc-600 dark:text-zinc-400" /> },
    {
      id: "action",
      header: t("columns.action"),
      alwaysVisible: true,
      card: "title",
      // data-action: the code, for end-to-end tests and support; the words are what is read.
      cell: (e) => (
        <span data-action={e.action}>
          <CodeLabel kind="auditAction" code={e.action} />
        </span>
      ),
    },
    { id: "actor", header: t("columns.actor"), cell: (e) => <span className="break-all">{e.actorEmail ?? t("system")}</span> },
    { id: "target", header: t("columns.target"), cell: (e) => <span className="break-all">{auditTargetWords(targets, e, context)}</span> },
  ];
  return (
    <DataTable
      label={t("title")}
      testId="audit-table"
      columns={columns}
      rows={entries}
      rowKey={(e) => String(e.id)}
      url={url}
      keyPrefix={AUDIT_TABLE_PREFIX}
      page={{ ...page, sizes: AUDIT_PAGE_SIZES }}
      columnMenu={false}
      emptyMessage={t("empty")}
      exportControl={exportHref ? { href: exportHref, filename: "audit-log.csv" } : null}
    />
  );
}
