// The one table of the product (issue 15): every list renders through it. Server-driven (the page fetches
// the rows of the URL's sort and page; the table never sorts or slices), and it works before JavaScript:
// sort headers, pages, page sizes and the column menu are plain links built from the URL, so a merchant on a
// slow connection can act at once; RowNav (a small client island) adds row keyboard navigation after
// hydration. Below 640 px each row becomes a card: title, amount, status and date on top, the rest stacked
// with their labels. Shared component (no "use client"): server pages and client islands both render it.
// Props and URL keys: docs/data-table.md.
import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, ArrowUpDown, Check } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { defaultPresetFor } from "@/lib/csv/presets";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { ExportButton } from "./export-button";
import { RowNav } from "./row-nav";
import { hrefWith, tableKey, type TableSort } from "./table-state";

/** Where a column's value goes in the phone card (< 640 px). */
export type CardSlot = "title" | "amount" | "status" | "date" | "detail" | "actions" | "none";

export type Column<Row> = {
  /** Sort key sent to the server (when sortable) and the id in `hide`. */
  id: string;
  /** Translated header (also the label in the phone card). */
  header: string;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right";
  /** The server can sort by this column (its id is a sort key of the page's schema). */
  sortable?: boolean;
  /** Never hidden (the row's identity). */
  alwaysVisible?: boolean;
  /** Phone card slot; "detail" (label: value, stacked) when omitted. */
  card?: CardSlot;
};

export type DataTableProps<Row> = {
  /** Accessible name of the table (and its visible caption when `caption` is true). */
  label: string;
  caption?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Where a row leads (Enter on a focused row, a click outside its links); its title cell should link there too. */
  rowHref?: (row: Row) => string | null;
  /** The row shown as selected (e.g. the payout whose sales are open below). */
  selectedKey?: string | null;
  rowTone?: (row: Row) => "warning" | "danger" | null;
  /**
   * The URL the table lives at: links for sort, pages, sizes and columns are built from it. Without it the
   * table is static (no sort links, no pagination): small fixed lists.
   */
  url?: { pathname: string; query: URLSearchParams | SearchParamsRecord };
  /** Key prefix when a page holds more than one paginated table (`audit` → `audit_page`). */
  keyPrefix?: string;
  sort?: TableSort;
  /** Pagination: current page, size, whether a next page exists (the server fetched size + 1). */
  page?: { number: number; size: number; hasMore: boolean; sizes?: readonly number[]; totalRows?: number | null };
  /** Column ids hidden through the column menu (from the URL's `hide`). */
  hidden?: readonly string[];
  /** Offer the column menu (default: more than four columns and a URL). */
  columnMenu?: boolean;
  status?: "loading" | "error" | "ready";
  /** A refetch is running while the previous rows stay visible (dimmed). */
  isFetching?: boolean;
  emptyMessage?: string;
  /** The message of the error state (default: a generic one) and a link to try again (default: this URL). */
  errorMessage?: string;
  /** Controls shown in the table's toolbar (filters that belong to the table, saved views). */
  toolbar?: ReactNode;
  /** The one export control: the export URL (same filters), the rows it will hold when known, a file name. */
  exportControl?: { href: string; expectedRows?: number | null; filename: string } | null;
  /** Rows appended after the body (totals), as cells in column order. */
  footer?: ReactNode;
  testId?: string;
};

const CARD_ORDER: Record<CardSlot, string> = {
  title: "max-sm:order-1 max-sm:font-medium",
  amount: "max-sm:order-2 max-sm:text-right max-sm:font-medium",
  status: "max-sm:order-3",
  date: "max-sm:order-4 max-sm:text-right",
  detail: "max-sm:order-5 max-sm:col-span-2 max-sm:flex max-sm:justify-between max-sm:gap-3",
  actions: "max-sm:order-6 max-sm:col-span-2 max-sm:flex max-sm:flex-wrap max-sm:justify-end max-sm:gap-2",
  none: "max-sm:hidden",
};

const TONES = { warning: "bg-amber-50 dark:bg-amber-950/40", danger: "bg-red-50 dark:bg-red-950/40" } as const;

export function DataTable<Row>(props: DataTableProps<Row>) {
  const t = useTranslations("DataTable");
  const locale = useLocale();
  const { url, keyPrefix, sort, page } = props;
  const hidden = new Set(props.hidden ?? []);
  const columns = props.columns.filter((c) => c.alwaysVisible || !hidden.has(c.id));
  const status = props.status ?? "ready";
  const key = (k: Parameters<typeof tableKey>[0]) => tableKey(k, keyPrefix);
  const href = (patch: Record<string, string | null>) => (url ? hrefWith(url.pathname, url.query, patch, key("page")) : "#");
  const showMenu = Boolean(url) && (props.columnMenu ?? props.columns.length > 4);
  // On a phone the header row is hidden (rows are cards), so the sort links move to a menu of their own.
  const sortable = url && sort ? columns.filter((c) => c.sortable) : [];
  const sortColumn = sortable.find((c) => c.id === sort?.column);
  const pageCount = page?.totalRows != null ? Math.max(1, Math.ceil(page.totalRows / page.size)) : null;
  const linkClass = "focus-visible:outline-2 focus-visible:outline-brand-500";

  const stateRow = (content: ReactNode, testId: string, tone = "text-zinc-600 dark:text-zinc-400", role?: string) => (
    <tr className="max-sm:block">
      <td colSpan={columns.length} className={`px-3 py-10 text-center max-sm:block ${tone}`} data-testid={testId} role={role}>
        {content}
      </td>
    </tr>
  );

  return (
    <div data-testid={props.testId} className="min-w-0 space-y-3">
      {props.toolbar || props.exportControl || showMenu || sortable.length > 0 ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-wrap items-center gap-2">
            {props.toolbar}
            {props.exportControl ? (
              <ExportButton href={props.exportControl.href} expectedRows={props.exportControl.expectedRows ?? null} defaultPreset={defaultPresetFor(locale)} filename={props.exportControl.filename} />
            ) : null}
          </div>
          <div className="flex items-center gap-2">
          {sortable.length > 0 ? (
            <details className="relative sm:hidden">
              <summary className={buttonClass("secondary", "cursor-pointer list-none")} data-testid="sort-menu">
                <ArrowUpDown aria-hidden className="size-4" />
                {sortColumn ? t("sortedBy", { column: sortColumn.header, direction: sort?.dir === "asc" ? t("sortedAsc") : t("sortedDesc") }) : t("sort")}
              </summary>
              <ul className="absolute right-0 z-20 mt-1 max-h-80 w-64 overflow-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
                {sortable.flatMap((column) =>
                  (["desc", "asc"] as const).map((dir) => {
                    const current = sort?.column === column.id && sort.dir === dir;
                    return (
                      <li key={`${column.id}-${dir}`}>
                        <Link
                          prefetch={false}
                          scroll={false}
                          replace
                          href={href({ [key("sort")]: column.id, [key("dir")]: dir })}
                          aria-current={current ? "true" : undefined}
                          className={`flex min-h-11 items-center gap-2 rounded px-2 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800 ${current ? "font-semibold" : ""} ${linkClass}`}
                          data-testid={`phone-sort-${column.id}-${dir}`}
                        >
                          {dir === "asc" ? <ArrowUp aria-hidden className="size-4" /> : <ArrowDown aria-hidden className="size-4" />}
                          {column.header} ({dir === "asc" ? t("sortedAsc") : t("sortedDesc")})
                        </Link>
                      </li>
                    );
                  }),
                )}
              </ul>
            </details>
          ) : null}
          {showMenu ? (
            <details className="relative">
              <summary className={buttonClass("secondary", "cursor-pointer list-none")} data-testid="column-menu">
                {t("columns")}
              </summary>
              <ul className="absolute right-0 z-20 mt-1 max-h-80 w-64 overflow-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
                {props.columns.map((column) => {
                  const visible = !hidden.has(column.id) || column.alwaysVisible;
                  const nextHidden = visible ? [...hidden, column.id] : [...hidden].filter((h) => h !== column.id);
                  const text = column.header;
                  if (column.alwaysVisible) {
                    return (
                      <li key={column.id} className="flex min-h-11 items-center gap-2 px-2 text-sm text-zinc-600 dark:text-zinc-400">
                        <Check aria-hidden className="size-4" />
                        {text}
                      </li>
                    );
                  }
                  return (
                    <li key={column.id}>
                      <Link
                        prefetch={false}
                        scroll={false}
                        replace
                        href={href({ [key("hide")]: nextHidden.length > 0 ? nextHidden.join(",") : null, [key("page")]: page ? String(page.number) : null })}
                        className={`flex min-h-11 items-center gap-2 rounded px-2 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800 ${linkClass}`}
                        aria-label={visible ? t("hideColumn", { column: text }) : t("showColumn", { column: text })}
                        data-testid={`column-toggle-${column.id}`}
                        data-visible={visible ? "true" : "false"}
                      >
                        <span aria-hidden className={`inline-flex size-4 items-center justify-center rounded border ${visible ? "border-brand-600 bg-brand-600 text-white" : "border-zinc-400"}`}>
                          {visible ? <Check className="size-3" /> : null}
                        </span>
                        {text}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </details>
          ) : null}
          </div>
        </div>
      ) : null}

      <RowNav nextHref={page?.hasMore ? href({ [key("page")]: String(page.number + 1) }) : null} previousHref={page && page.number > 1 ? href({ [key("page")]: String(page.number - 1) }) : null}>
        <div
          className="relative sm:max-h-[70vh] sm:overflow-auto sm:rounded-lg sm:border sm:border-zinc-200 sm:dark:border-zinc-800"
          aria-busy={status === "loading" || props.isFetching ? true : undefined}
        >
          <table className="w-full text-left text-sm max-sm:block" aria-label={props.caption ? undefined : props.label} aria-rowcount={page?.totalRows ?? undefined}>
            {props.caption ? <caption className="mb-2 text-left text-sm font-semibold max-sm:block">{props.label}</caption> : null}
            <thead className="text-xs uppercase text-zinc-600 max-sm:sr-only sm:sticky sm:top-0 sm:z-10 sm:bg-zinc-50 sm:shadow-[0_1px_0_0] sm:shadow-zinc-200 dark:text-zinc-400 sm:dark:bg-zinc-900 sm:dark:shadow-zinc-800">
              <tr>
                {columns.map((column) => {
                  const active = sort?.column === column.id;
                  const sortable = Boolean(column.sortable && url && sort);
                  const ariaSort = active ? (sort?.dir === "asc" ? "ascending" : "descending") : "none";
                  // First click sorts descending (newest, largest first: what merchants look for), second ascending.
                  const nextDir = active && sort?.dir === "desc" ? "asc" : "desc";
                  return (
                    <th key={column.id} scope="col" aria-sort={sortable ? ariaSort : undefined} className={`whitespace-nowrap px-3 py-1 ${column.align === "right" ? "text-right" : ""}`}>
                      {sortable ? (
                        <Link
                          prefetch={false}
                          scroll={false}
                          replace
                          href={href({ [key("sort")]: column.id, [key("dir")]: nextDir })}
                          className={`inline-flex min-h-11 min-w-11 items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-white ${linkClass}`}
                          data-testid={`sort-${column.id}`}
                        >
                          {column.header}
                          {active ? sort?.dir === "asc" ? <ArrowUp aria-hidden className="size-3" /> : <ArrowDown aria-hidden className="size-3" /> : <ArrowUpDown aria-hidden className="size-3 opacity-40" />}
                          {active ? <span className="sr-only">({sort?.dir === "asc" ? t("sortedAsc") : t("sortedDesc")})</span> : null}
                        </Link>
                      ) : (
                        <span className="inline-flex min-h-11 items-center">{column.header}</span>
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className={`max-sm:block max-sm:space-y-2 ${props.isFetching ? "opacity-60 transition-opacity" : ""}`}>
              {status === "loading" && props.rows.length === 0
                ? stateRow(t("loading"), "table-loading")
                : status === "error"
                  ? stateRow(
                      <>
                        {props.errorMessage ?? t("error")}{" "}
                        {url ? (
                          <a className="inline-flex min-h-11 items-center underline" href={hrefWith(url.pathname, url.query, { [key("page")]: page ? String(page.number) : null }, key("page"))}>
                            {t("retry")}
                          </a>
                        ) : null}
                      </>,
                      "table-error",
                      "text-red-700 dark:text-red-300",
                      "alert",
                    )
                  : props.rows.length === 0
                    ? stateRow(props.emptyMessage ?? t("empty"), "table-empty")
                    : props.rows.map((row, index) => {
                        const id = props.rowKey(row);
                        const rowHref = props.rowHref?.(row) ?? undefined;
                        const tone = props.rowTone?.(row);
                        const selected = props.selectedKey != null && props.selectedKey === id;
                        return (
                          <tr
                            key={id}
                            tabIndex={0}
                            data-row-index={index}
                            data-row-id={id}
                            data-href={rowHref}
                            aria-current={selected ? "true" : undefined}
                            className={[
                              "border-t border-zinc-100 focus:bg-brand-50 focus:outline-none dark:border-zinc-800 dark:focus:bg-zinc-800",
                              "max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-3 max-sm:gap-y-1 max-sm:rounded-lg max-sm:border max-sm:border-zinc-200 max-sm:bg-white max-sm:p-3 max-sm:dark:border-zinc-800 max-sm:dark:bg-zinc-900",
                              rowHref ? "cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/60" : "",
                              selected ? "bg-brand-50 dark:bg-zinc-800" : tone ? TONES[tone] : "",
                            ].join(" ")}
                          >
                            {columns.map((column) => {
                              const slot = column.card ?? "detail";
                              const content = column.cell(row);
                              return (
                                <td
                                  key={column.id}
                                  className={`min-w-0 px-3 py-2 max-sm:block max-sm:p-0 sm:whitespace-nowrap max-sm:break-words ${column.align === "right" ? "sm:text-right tabular-nums" : ""} ${CARD_ORDER[slot]} ${slot === "actions" && content == null ? "max-sm:hidden" : ""}`}
                                >
                                  {slot === "detail" ? (
                                    <span aria-hidden className="text-zinc-600 sm:hidden dark:text-zinc-400">
                                      {column.header}
                                    </span>
                                  ) : null}
                                  <span className={slot === "detail" ? "max-sm:text-right" : undefined}>{content}</span>
                                </td>
                              );
                            })}
                          </tr>
                        );
                      })}
            </tbody>
            {props.footer ? <tfoot className="font-medium max-sm:block">{props.footer}</tfoot> : null}
          </table>
        </div>
      </RowNav>

      {/* Pages only when there is more than one (an empty or short list needs no Previous / Next). */}
      {page && url && (page.number > 1 || page.hasMore) ? (
        <nav className="flex flex-wrap items-center justify-between gap-2 text-sm" aria-label={t("pagination")}>
          {page.sizes && page.sizes.length > 1 ? (
            <div className="flex items-center gap-1 text-zinc-600 dark:text-zinc-400" data-testid="page-size">
              <span>{t("pageSize")}</span>
              {page.sizes.map((n) =>
                n === page.size ? (
                  <span key={n} aria-current="true" className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md font-semibold text-zinc-900 dark:text-zinc-100">
                    {n}
                  </span>
                ) : (
                  <Link key={n} prefetch={false} scroll={false} replace href={href({ [key("size")]: String(n) })} className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded-md underline-offset-2 hover:underline ${linkClass}`}>
                    {n}
                  </Link>
                ),
              )}
            </div>
          ) : (
            <span />
          )}
          <div className="flex items-center gap-2">
            <span className="text-zinc-600 dark:text-zinc-400" data-testid="page-indicator">
              {pageCount !== null ? t("pageOf", { page: page.number, pages: pageCount }) : t("page", { page: page.number })}
            </span>
            {page.number > 1 ? (
              <Link prefetch={false} scroll={false} replace href={href({ [key("page")]: String(page.number - 1) })} className={buttonClass("secondary")} data-testid="page-prev" rel="prev">
                {t("previous")}
              </Link>
            ) : (
              <span aria-disabled="true" className={buttonClass("secondary", "opacity-50")} data-testid="page-prev">
                {t("previous")}
              </span>
            )}
            {page.hasMore ? (
              <Link prefetch={false} scroll={false} replace href={href({ [key("page")]: String(page.number + 1) })} className={buttonClass("secondary")} data-testid="page-next" rel="next">
                {t("next")}
              </Link>
            ) : (
              <span aria-disabled="true" className={buttonClass("secondary", "opacity-50")} data-testid="page-next">
                {t("next")}
              </span>
            )}
          </div>
        </nav>
      ) : null}
    </div>
  );
}
