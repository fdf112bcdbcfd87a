// One Revenue breakdown as the one table: paid sales, revenue, share, discount given and its average,
// attempts, for one currency. Sort and pages are the table's own URL keys under the dimension's prefix
// (`country_sort`, `country_page`…), answered by the server page; on a phone each row is a card (name and
// revenue on top). Its export control downloads every row of the breakdown.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { pageOf, readTableState } from "@/components/data-table/table-state";
import { BREAKDOWN_DEFAULT_SORT, BREAKDOWN_PAGE_SIZE, BREAKDOWN_SORT_COLUMNS, sortBreakdownRows } from "@/lib/analytics/breakdown-page";
import type { Breakdown, BreakdownRow } from "@/lib/analytics/schemas";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { formatMoney } from "@/lib/money";

export type BreakdownTableProps = {
  breakdown: Breakdown;
  caption: string;
  labelOf: (row: BreakdownRow) => string;
  url: { pathname: string; query: SearchParamsRecord };
  exportControl: { href: string; filename: string } | null;
  testId: string;
};

export function BreakdownTable({ breakdown, caption, labelOf, url, exportControl, testId }: BreakdownTableProps) {
  const t = useTranslations("Analytics.breakdowns.columns");
  const locale = useLocale();
  const format = useFormatter();
  const { currency, dimension } = breakdown;
  const state = readTableState(url.query, { sort: BREAKDOWN_DEFAULT_SORT, size: BREAKDOWN_PAGE_SIZE }, { prefix: dimension, sortable: BREAKDOWN_SORT_COLUMNS, sizes: [BREAKDOWN_PAGE_SIZE] });
  const page = pageOf(sortBreakdownRows(breakdown.rows, state.sort, labelOf, locale), state);
  const money = (minor: number | null) => (minor === null ? "—" : formatMoney({ minor, currency }, locale));
  const columns: Column<BreakdownRow>[] = [
    { id: "label", header: t("key"), sortable: true, alwaysVisible: true, card: "title", cell: (r) => labelOf(r) },
    { id: "paidCount", header: t("paidSales"), sortable: true, align: "right", cell: (r) => format.number(r.paidCount) },
    { id: "revenue", header: t("revenue"), sortable: true, align: "right", card: "amount", cell: (r) => money(r.revenue) },
    { id: "share", header: t("share"), align: "right", cell: (r) => (r.share === null ? "—" : format.number(r.share, { style: "percent", maximumFractionDigits: 1 })) },
    { id: "discounts", header: t("discounts"), sortable: true, align: "right", cell: (r) => money(r.discounts) },
    { id: "averageDiscount", header: t("averageDiscount"), sortable: true, align: "right", cell: (r) => money(r.averageDiscount) },
    { id: "attempts", header: t("attempts"), sortable: true, align: "right", cell: (r) => format.number(r.attempts) },
  ];
  // Pages only when the breakdown has more than one (most have a handful of rows): no empty pager per card.
  const paged = page.total > BREAKDOWN_PAGE_SIZE || state.page > 1;
  return (
    <DataTable
      label={caption}
      testId={testId}
      columns={columns}
      rows={page.rows}
      rowKey={(r) => r.key}
      url={url}
      keyPrefix={dimension}
      sort={state.sort}
      columnMenu={false}
      page={paged ? { number: state.page, size: state.size, hasMore: page.hasMore, totalRows: page.total } : undefined}
      exportControl={exportControl ? { ...exportControl, expectedRows: breakdown.rows.length } : null}
    />
  );
}
