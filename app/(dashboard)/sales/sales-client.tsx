"use client";
// The Sales view's filters: a GET form that works before JavaScript and, after hydration, applies each
// change at once by writing the URL (the page renders again on every URL change, from the view it parsed —
// zod stays on the server). The list itself (totals and table) is rendered by the server page and passed
// in as `results`. The customer page reuses it with the customer fixed.
import type { ReactNode } from "react";
import { useUrlParams } from "@/components/data-table/url-state";
import { SalesFiltersBar } from "@/components/sales/sales-filters";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import type { SalesFilterOptions } from "@/lib/sales/filter-options";
import type { SalesPage, SalesTotalsView, SalesView } from "@/lib/sales/schemas";
import { filtersOf } from "@/lib/sales/view-query";

export type SalesResponse = SalesPage & { totals: SalesTotalsView };

export type SalesClientProps = {
  /** The view the page parsed from the URL (parseSalesView; on the customer page, with its customer). */
  view: SalesView;
  /** The URL keys the page's parse cleared (a bad value), named above the table. */
  cleared: string[];
  options: SalesFilterOptions;
  /** Today in the store's time zone ("YYYY-MM-DD"): the day presets of the filters. */
  today: string;
  /** The name of the customer the URL filters on (`?customer=`), for its chip. */
  customerName?: string | null;
  /** Customer page: this customer only. */
  fixedCustomer?: string;
  basePath: string;
  /** The server-rendered totals and table (components/sales/sales-table.tsx). */
  results: ReactNode;
};

export function SalesClient(props: SalesClientProps) {
  const { params, set } = useUrlParams();
  return (
    <div className="space-y-4">
      <ClearedFiltersNotice fields={props.cleared} />
      <SalesFiltersBar
        filters={filtersOf(props.view)}
        options={props.options}
        basePath={props.basePath}
        query={params}
        today={props.today}
        onChange={set}
        fixedCustomer={Boolean(props.fixedCustomer)}
        customerName={props.customerName}
      />
      {props.results}
    </div>
  );
}
