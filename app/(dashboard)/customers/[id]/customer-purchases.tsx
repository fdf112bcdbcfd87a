// A customer's purchases on their page: the shared Sales table fixed on them (sort, pages, export) — and
// the Sales filters only when the list is long enough to need them (issue 16): a customer with one or a
// few purchases sees a plain list, not a bar of ten filters over three rows. Rendered by the server page.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { TABLE_URL_KEYS } from "@/components/data-table/table-state";
import { SalesTable } from "@/components/sales/sales-table";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import type { SalesFilterOptions } from "@/lib/sales/filter-options";
import type { SalesPage, SalesTotalsView, SalesView } from "@/lib/sales/schemas";
import { SalesClient } from "../../sales/sales-client";

/** Filters are offered above this many sales of the customer (every status: the list shows them all). */
export const CUSTOMER_FILTERS_ABOVE = 10;

export function customerSalesHaveFilters(salesCount: number): boolean {
  return salesCount > CUSTOMER_FILTERS_ABOVE;
}

/**
 * The part of the page's query the list reads: all of it when filters are offered, else the table's own
 * keys only (sort, page, size, columns) — a filter left in an old link must not hide a sale behind a bar
 * that is not there to show or remove it.
 */
export function purchasesQuery(query: SearchParamsRecord, withFilters: boolean): SearchParamsRecord {
  if (withFilters) return query;
  return Object.fromEntries(Object.entries(query).filter(([key]) => (TABLE_URL_KEYS as readonly string[]).includes(key)));
}

export type CustomerPurchasesProps = {
  customerId: string;
  /** All the customer's sales, every status (CustomerSummary.salesCount): decides the filters. */
  salesCount: number;
  /** The view parsed from purchasesQuery(…) with the customer fixed. */
  view: SalesView;
  cleared: string[];
  page: SalesPage;
  totals: SalesTotalsView;
  options: SalesFilterOptions;
  today: string;
  /** purchasesQuery(…): what the table's links carry. */
  query: SearchParamsRecord;
  canExport: boolean;
};

export function CustomerPurchases(props: CustomerPurchasesProps) {
  const t = useTranslations("Customers");
  const basePath = `/customers/${encodeURIComponent(props.customerId)}`;
  const table = <SalesTable view={props.view} page={props.page} totals={props.totals} pathname={basePath} query={props.query} canExport={props.canExport} fixedCustomer={props.customerId} />;
  let list: ReactNode;
  if (customerSalesHaveFilters(props.salesCount)) {
    list = <SalesClient view={props.view} cleared={props.cleared} options={props.options} today={props.today} fixedCustomer={props.customerId} basePath={basePath} results={table} />;
  } else {
    list = (
      <div className="space-y-4">
        <ClearedFiltersNotice fields={props.cleared} />
        {table}
      </div>
    );
  }
  return (
    <section aria-label={t("purchases")} className="space-y-2" data-testid="customer-purchases">
      <h2 className="text-base font-semibold">{t("purchases")}</h2>
      {list}
    </section>
  );
}
