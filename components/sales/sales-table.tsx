// The Sales list as the server renders it (issue 15's page pattern: the useful content comes from the
// server; the list is not live data, so no client island holds it): totals of the filter, then the one
// table with its sort, pages, columns and export as links. Every URL change renders the page again.
// Shared by the Sales page and the customer page (customer fixed, no saved views).
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { readTableState } from "@/components/data-table/table-state";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import type { SalesPage, SalesTotalsView, SalesView } from "@/lib/sales/schemas";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, filtersOf, filtersToSearchParams } from "@/lib/sales/view-query";
import { useSalesColumns } from "./sales-columns";
import { SalesTotalsBar } from "./sales-totals";

export type SalesTableProps = {
  view: SalesView;
  page: SalesPage;
  totals: SalesTotalsView;
  pathname: string;
  query: SearchParamsRecord;
  canExport: boolean;
  /** Customer page: this customer only (the export's file name says so). */
  fixedCustomer?: string;
  /** The saved-views island (Sales page only). */
  toolbar?: ReactNode;
};

export function SalesTable({ view, page, totals, pathname, query, canExport, fixedCustomer, toolbar }: SalesTableProps) {
  const t = useTranslations("Sales");
  const columns = useSalesColumns();
  const hidden = readTableState(query, { sort: { column: view.sort, dir: view.dir }, size: DEFAULT_PAGE_SIZE }).hidden;
  const exportQuery = filtersToSearchParams(filtersOf(view)).toString();
  return (
    <>
      <SalesTotalsBar totals={totals} />
      <DataTable
        label={t("tableLabel")}
        testId="sales-table"
        columns={columns}
        rows={page.sales}
        rowKey={(row) => row.id}
        rowHref={(row) => `/sales/${encodeURIComponent(row.id)}`}
        url={{ pathname, query }}
        sort={{ column: view.sort, dir: view.dir }}
        hidden={hidden}
        page={{ number: view.page, size: view.size, sizes: PAGE_SIZES, hasMore: page.hasMore, totalRows: totals.count }}
        emptyMessage={t("empty")}
        exportControl={canExport ? { href: `/api/sales/export.csv${exportQuery ? `?${exportQuery}` : ""}`, expectedRows: totals.count, filename: fixedCustomer ? `sales-${fixedCustomer}.csv` : "sales.csv" } : null}
        toolbar={toolbar}
      />
    </>
  );
}
