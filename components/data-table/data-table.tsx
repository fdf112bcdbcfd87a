"use client";
// The one table of the product (issue 6): server-driven (the page fetches rows for the URL's state, the
// table never sorts or slices locally), sortable headers, column visibility, page size, keyboard
// navigation between rows, sticky header, and loading / empty / error states. Props: docs/data-table.md.
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState, type VisibilityState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import type { TableUrlState } from "./url-state";

export type DataTableColumnMeta = { align?: "left" | "right"; /** Never hidden (the row's identity). */ alwaysVisible?: boolean };

export type DataTableProps<Row> = {
  /** TanStack column definitions; `id` is the sort key sent to the server, `header` a plain label. */
  columns: ColumnDef<Row, unknown>[];
  rows: Row[];
  getRowId: (row: Row) => string;
  /** Sort, page, page size and hidden columns, as read from the URL (url-state.ts). */
  state: TableUrlState;
  /** Called with the query-string keys to change (sort, dir, page, size, hide). */
  onStateChange: (patch: Record<string, string | null>) => void;
  pageSizes: readonly number[];
  /** True when a next page exists (the server fetched size + 1 rows). */
  hasMore: boolean;
  /** Rows of the whole filter when known (totals); shows "page x of y". */
  totalRows?: number | null;
  status: "loading" | "error" | "ready";
  /** A refetch is running while the previous rows stay visible. */
  isFetching?: boolean;
  onRetry?: () => void;
  /** Enter or click on a row (e.g. open the sale). */
  onRowActivate?: (row: Row) => void;
  /** Accessible name of the table. */
  label: string;
  emptyMessage?: string;
  /** Extra controls shown in the table's toolbar, left of the column menu. */
  toolbar?: ReactNode;
  testId?: string;
};

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, state, onStateChange, status } = props;
  const t = useTranslations("DataTable");
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const sorting: SortingState = [{ id: state.sort.column, desc: state.sort.dir === "desc" }];
  const columnVisibility: VisibilityState = Object.fromEntries(state.hidden.map((id) => [id, false]));
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table (DESIGN §2b); the table is rebuilt from props each render
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: props.getRowId,
    manualSorting: true,
    manualPagination: true,
    state: { sorting, columnVisibility },
    getCoreRowModel: getCoreRowModel(),
  });

  const toggleSort = (id: string) => {
    // First click sorts descending (newest, largest first: what merchants look for), second ascending.
    const dir = state.sort.column === id && state.sort.dir === "desc" ? "asc" : "desc";
    onStateChange({ sort: id, dir });
  };
  const toggleColumn = (id: string, visible: boolean) => {
    const hidden = visible ? state.hidden.filter((h) => h !== id) : [...state.hidden, id];
    onStateChange({ hide: hidden.length > 0 ? hidden.join(",") : null, page: String(state.page) });
  };

  const focusRow = (index: number) => {
    const target = bodyRef.current?.querySelector<HTMLElement>(`tr[data-row-index="${index}"]`);
    target?.focus();
  };
  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: Row) => {
    const last = rows.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(index + 1, last), ArrowUp: Math.max(index - 1, 0), Home: 0, End: last };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]);
    } else if (event.key === "Enter" && props.onRowActivate) {
      event.preventDefault();
      props.onRowActivate(row);
    } else if (event.key === "PageDown" && props.hasMore) {
      event.preventDefault();
      onStateChange({ page: String(state.page + 1) });
    } else if (event.key === "PageUp" && state.page > 1) {
      event.preventDefault();
      onStateChange({ page: String(state.page - 1) });
    }
  };

  const pageCount = props.totalRows != null ? Math.max(1, Math.ceil(props.totalRows / state.size)) : null;
  const visibleColumns = table.getVisibleLeafColumns().length;

  return (
    <div data-testid={props.testId} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">{props.toolbar}</div>
        <details className="relative">
          <summary className={buttonClass("secondary", "cursor-pointer list-none")} data-testid="column-menu">
            {t("columns")}
          </summary>
          <div className="absolute right-0 z-20 mt-1 max-h-80 w-56 overflow-auto rounded-md border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
            {table.getAllLeafColumns().map((column) => {
              const meta = column.columnDef.meta as DataTableColumnMeta | undefined;
              return (
                <label key={column.id} className="flex items-center gap-2 px-1 py-1 text-sm">
                  <input
                    type="checkbox"
                    checked={column.getIsVisible()}
                    disabled={meta?.alwaysVisible}
                    onChange={(e) => toggleColumn(column.id, e.target.checked)}
                    data-testid={`column-toggle-${column.id}`}
                  />
                  {String(column.columnDef.header ?? column.id)}
                </label>
              );
            })}
          </div>
        </details>
      </div>

      <div className="relative max-h-[70vh] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800" aria-busy={status === "loading" || props.isFetching}>
        <table className="w-full text-left text-sm" aria-label={props.label} aria-rowcount={props.totalRows ?? undefined}>
          <thead className="sticky top-0 z-10 bg-zinc-50 text-xs uppercase text-zinc-600 dark:text-zinc-400 shadow-[0_1px_0_0] shadow-zinc-200 dark:bg-zinc-900 dark:shadow-zinc-800">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta as DataTableColumnMeta | undefined;
                  const sortable = header.column.columnDef.enableSorting !== false;
                  const active = state.sort.column === header.column.id;
                  const ariaSort = active ? (state.sort.dir === "asc" ? "ascending" : "descending") : "none";
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th key={header.id} scope="col" aria-sort={sortable ? ariaSort : undefined} className={`whitespace-nowrap px-3 py-2 ${meta?.align === "right" ? "text-right" : ""}`}>
                      {sortable ? (
                        <button
                          type="button"
                          onClick={() => toggleSort(header.column.id)}
                          className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:text-white"
                          data-testid={`sort-${header.column.id}`}
                        >
                          {label}
                          {active ? state.sort.dir === "asc" ? <ArrowUp aria-hidden className="size-3" /> : <ArrowDown aria-hidden className="size-3" /> : <ArrowUpDown aria-hidden className="size-3 opacity-40" />}
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody ref={bodyRef} className={props.isFetching ? "opacity-60 transition-opacity" : undefined}>
            {status === "loading" && rows.length === 0 ? (
              <tr>
                <td colSpan={visibleColumns} className="px-3 py-10 text-center text-zinc-600 dark:text-zinc-400" data-testid="table-loading">
                  {t("loading")}
                </td>
              </tr>
            ) : status === "error" ? (
              <tr>
                <td colSpan={visibleColumns} className="px-3 py-10 text-center text-red-700 dark:text-red-300" role="alert" data-testid="table-error">
                  {t("error")}{" "}
                  {props.onRetry ? (
                    <button type="button" className="underline" onClick={props.onRetry}>
                      {t("retry")}
                    </button>
                  ) : null}
                </td>
              </tr>
            ) : rows.length === 0 ? (
              <tr>
                <td colSpan={visibleColumns} className="px-3 py-10 text-center text-zinc-600 dark:text-zinc-400" data-testid="table-empty">
                  {props.emptyMessage ?? t("empty")}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row, index) => (
                <tr
                  key={row.id}
                  tabIndex={0}
                  data-row-index={index}
                  data-row-id={row.id}
                  onKeyDown={(e) => onRowKeyDown(e, index, row.original)}
                  onClick={(e) => {
                    // A click on a link or button inside the row does its own thing.
                    if (props.onRowActivate && !(e.target as HTMLElement).closest("a,button,input")) props.onRowActivate(row.original);
                  }}
                  className={`border-t border-zinc-100 focus:bg-brand-50 focus:outline-none dark:border-zinc-800 dark:focus:bg-zinc-800 ${props.onRowActivate ? "cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/60" : ""}`}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta as DataTableColumnMeta | undefined;
                    return (
                      <td key={cell.id} className={`whitespace-nowrap px-3 py-2 ${meta?.align === "right" ? "text-right tabular-nums" : ""}`}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <nav className="flex flex-wrap items-center justify-between gap-2 text-sm" aria-label={t("pagination")}>
        <label className="flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
          {t("pageSize")}
          <select
            value={state.size}
            onChange={(e) => onStateChange({ size: e.target.value })}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
            data-testid="page-size"
          >
            {props.pageSizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-center gap-2">
          <span className="text-zinc-600 dark:text-zinc-400" data-testid="page-indicator">
            {pageCount !== null ? t("pageOf", { page: state.page, pages: pageCount }) : t("page", { page: state.page })}
          </span>
          <button type="button" className={buttonClass("secondary")} disabled={state.page <= 1} onClick={() => onStateChange({ page: String(state.page - 1) })} data-testid="page-prev">
            {t("previous")}
          </button>
          <button type="button" className={buttonClass("secondary")} disabled={!props.hasMore} onClick={() => onStateChange({ page: String(state.page + 1) })} data-testid="page-next">
            {t("next")}
          </button>
        </div>
      </nav>
    </div>
  );
}
