"use client";
// The Sales view's live part: gets the view its page parsed from the URL (the page renders again on every
// URL change, so zod stays on the server), keeps the page and totals under ["sales", query] (the server's
// answer first, so the table is in the HTML before JavaScript), and writes every change back to the URL.
// The filters are a GET form and the table's controls links, so both work before hydration too. The
// customer page reuses it with the customer fixed.
import { usePathname } from "next/navigation";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { readTableState, useUrlParams } from "@/components/data-table/url-state";
import { SalesFiltersBar } from "@/components/sales/sales-filters";
import { useSalesColumns } from "@/components/sales/sales-columns";
import { SalesTotalsBar } from "@/components/sales/sales-totals";
import { SavedViewsMenu, type SavedViewItem } from "@/components/sales/saved-views-menu";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { apiFetch } from "@/lib/http/api-client";
import { queryKeys } from "@/lib/query/keys";
import type { SalesFilterOptions } from "@/lib/sales/filter-options";
import type { SalesPage, SalesTotalsView, SalesView } from "@/lib/sales/schemas";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, filtersOf, filtersToSearchParams, salesApiQuery } from "@/lib/sales/view-query";

export type SalesResponse = SalesPage & { totals: SalesTotalsView };

export type SalesClientProps = {
  /** The view the page parsed from the URL (parseSalesView; on the customer page, with its customer). */
  view: SalesView;
  /** The URL keys the page's parse cleared (a bad value), named above the table. */
  cleared: string[];
  /** The server's answer for `view`, shown without a second request. */
  initial: SalesResponse;
  options: SalesFilterOptions;
  /** Today in the store's time zone ("YYYY-MM-DD"): the day presets of the filters. */
  today: string;
  /** The name of the customer the URL filters on (`?customer=`), for its chip. */
  customerName?: string | null;
  canExport: boolean;
  /** Customer page: this customer only, no saved views. */
  fixedCustomer?: string;
  basePath: string;
};

export function SalesClient(props: SalesClientProps) {
  const t = useTranslations("Sales");
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const { params, set } = useUrlParams();
  const { view, cleared } = props;
  const query = salesApiQuery(view);
  const tableState = readTableState(params, { sort: { column: "created_at", dir: "desc" }, size: DEFAULT_PAGE_SIZE });
  tableState.sort = { column: view.sort, dir: view.dir };
  tableState.size = view.size;

  const sales = useQuery({
    queryKey: queryKeys.sales(query),
    queryFn: () => apiFetch<SalesResponse>(`/api/sales?${query}`),
    initialData: props.initial,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

  const views = useQuery({
    queryKey: queryKeys.salesViews(),
    queryFn: () => apiFetch<{ views: SavedViewItem[] }>("/api/sales/views").then((r) => r.views),
    enabled: !props.fixedCustomer,
  });
  const saveView = useMutation({
    mutationFn: (name: string) => {
      const saved = new URLSearchParams(params);
      saved.delete("page");
      for (const key of cleared) saved.delete(key); // what the page ignored is not saved either
      return apiFetch("/api/sales/views", { method: "POST", body: { name, query: saved.toString() } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.salesViews() }),
  });
  const deleteView = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/sales/views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.salesViews() }),
  });

  const columns = useSalesColumns();
  const filters = filtersOf(view);
  const exportQuery = filtersToSearchParams(filters).toString();
  const data = sales.data;
  const status = sales.isError && !data ? "error" : !data ? "loading" : "ready";

  return (
    <div className="space-y-4">
      <ClearedFiltersNotice fields={cleared} />
      <SalesFiltersBar
        filters={filters}
        options={props.options}
        basePath={props.basePath}
        query={params}
        today={props.today}
        onChange={set}
        fixedCustomer={Boolean(props.fixedCustomer)}
        customerName={props.customerName}
      />
      <SalesTotalsBar totals={data?.totals ?? null} />
      <DataTable
        label={t("tableLabel")}
        testId="sales-table"
        columns={columns}
        rows={data?.sales ?? []}
        rowKey={(row) => row.id}
        rowHref={(row) => `/sales/${encodeURIComponent(row.id)}`}
        url={{ pathname, query: params }}
        sort={tableState.sort}
        hidden={tableState.hidden}
        page={{ number: view.page, size: view.size, sizes: PAGE_SIZES, hasMore: data?.hasMore ?? false, totalRows: data?.totals.count ?? null }}
        status={sales.isError ? "error" : status}
        isFetching={sales.isFetching && sales.isPlaceholderData}
        emptyMessage={t("empty")}
        exportControl={
          props.canExport
            ? { href: `/api/sales/export.csv${exportQuery ? `?${exportQuery}` : ""}`, expectedRows: data?.totals.count ?? null, filename: props.fixedCustomer ? `sales-${props.fixedCustomer}.csv` : "sales.csv" }
            : null
        }
        toolbar={
          !props.fixedCustomer ? (
            <SavedViewsMenu
              views={views.data ?? []}
              basePath={props.basePath}
              onSave={async (name) => void (await saveView.mutateAsync(name))}
              onDelete={async (id) => void (await deleteView.mutateAsync(id))}
              saving={saveView.isPending}
              error={saveView.error}
            />
          ) : null
        }
      />
    </div>
  );
}
