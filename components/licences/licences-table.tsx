// The licences list (issue 9, issue 15): one page of licences in the one table, keys masked. Sorting and
// pages are links the server answers (lib/licences/list-licences.ts sorts and pages in SQL); on a phone
// each licence is a card — customer, status and expiry on top, the key with its Reveal button below.
// Shared component: the page renders it on the server, only the Reveal button is a client island.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import type { TableSort } from "@/components/data-table/table-state";
import { DateTime } from "@/components/ui/date-time";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import type { LicencesPage, LicenceRow } from "@/lib/licences/list-licences";
import { LICENCE_PAGE_SIZES } from "@/lib/licences/schemas";
import { LicenceStatusBadge } from "./licence-status-badge";
import { RevealKey } from "./reveal-key";

export type LicencesTableProps = {
  list: LicencesPage;
  url: { pathname: string; query: SearchParamsRecord };
  sort: TableSort;
  hidden: readonly string[];
  /** The masked-keys export of the same filters, when the member may export. */
  exportHref: string | null;
  /** The keys-in-clear export (owner, admin), offered apart: it is a deliberate choice. */
  clearExportHref: string | null;
};

const LINK = "inline-flex min-h-11 items-center underline-offset-2 hover:underline";

export function LicencesTable({ list, url, sort, hidden, exportHref, clearExportHref }: LicencesTableProps) {
  const t = useTranslations("licences");
  const muted = (text: string) => <span className="text-zinc-600 dark:text-zinc-400">{text}</span>;
  const columns: Column<LicenceRow>[] = [
    {
      id: "customer",
      header: t("columns.customer"),
      sortable: true,
      alwaysVisible: true,
      card: "title",
      cell: (r) =>
        r.customerName || r.customerEmail ? (
          <span className="flex flex-col">
            <span>{r.customerName ?? r.customerEmail}</span>
            {r.customerName && r.customerEmail ? <span className="text-xs text-zinc-600 dark:text-zinc-400">{r.customerEmail}</span> : null}
          </span>
        ) : (
          muted(t("unknown"))
        ),
    },
    { id: "status", header: t("columns.status"), sortable: true, card: "status", cell: (r) => <LicenceStatusBadge status={r.status} /> },
    { id: "expires_at", header: t("columns.expiry"), sortable: true, card: "date", cell: (r) => (r.expiresAt ? <DateTime value={r.expiresAt} style="date" /> : muted(t("noExpiry"))) },
    { id: "key", header: t("columns.key"), alwaysVisible: true, cell: (r) => <RevealKey licenceId={r.licenceId} maskedKey={r.maskedKey} /> },
    { id: "product", header: t("columns.product"), sortable: true, cell: (r) => r.productName ?? r.productId ?? muted(t("unknown")) },
    {
      id: "activations",
      header: t("columns.activations"),
      sortable: true,
      align: "right",
      cell: (r) => t("activationsOf", { used: r.activations ?? "?", max: r.maxActivations ?? "?" }),
    },
    {
      id: "sale",
      header: t("columns.sale"),
      cell: (r) =>
        r.saleId ? (
          <Link prefetch={false} href={`/sales/${encodeURIComponent(r.saleId)}`} className={`${LINK} font-mono text-xs`}>
            {r.saleId}
          </Link>
        ) : (
          muted(t("saleUnknown"))
        ),
    },
  ];
  return (
    <DataTable
      testId="licences-table"
      label={t("table.title", { count: list.total })}
      columns={columns}
      rows={list.rows}
      rowKey={(r) => r.licenceId}
      url={url}
      sort={sort}
      hidden={hidden}
      page={{ number: list.page, size: list.size, hasMore: list.hasMore, sizes: LICENCE_PAGE_SIZES, totalRows: list.total }}
      emptyMessage={t("table.empty")}
      exportControl={exportHref ? { href: exportHref, expectedRows: list.total, filename: "licences.csv" } : null}
      toolbar={
        clearExportHref ? (
          <a className="inline-flex min-h-11 items-center rounded-md border border-red-300 px-3 text-sm text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950" href={clearExportHref} data-testid="licences-export-clear">
            {t("export.clear")}
          </a>
        ) : null
      }
    />
  );
}
