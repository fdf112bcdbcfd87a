// The four lists of the Downloads page in the one table (issue 15): not accessed yet, unusual activity,
// engagement by product and the latest paid sales. Each is one page of its list (sorted and paged by the
// page from the URL, lib/downloads/download-lists.ts), with sort headers, pages and its export as links;
// on a phone a sale is a card — customer and download count on top, then payment date, the rest below.
// Shared components: the page renders them on the server; only the contact buttons are client islands.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import type { TableSort } from "@/components/data-table/table-state";
import { DateTime } from "@/components/ui/date-time";
import type { DownloadFact } from "@/lib/downloads/download-facts";
import { DOWNLOAD_PAGE_SIZES, type DownloadTable } from "@/lib/downloads/download-lists";
import type { NotAccessedSale, ProductEngagement } from "@/lib/downloads/download-stats";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { ContactBuyer, ContactLanguage } from "./contact-buyer";

export type DownloadListProps<Row> = {
  rows: readonly Row[];
  page: { number: number; size: number; hasMore: boolean; totalRows: number };
  url: { pathname: string; query: SearchParamsRecord };
  sort: TableSort;
  hidden: readonly string[];
  /** The CSV of the whole list with the page's filters, when the member may export. */
  exportHref: string | null;
};

const LINK = "inline-flex min-h-11 items-center underline-offset-2 hover:underline";

function tableProps<Row>(prefix: DownloadTable, props: DownloadListProps<Row>, filename: string) {
  return {
    keyPrefix: prefix,
    rows: props.rows,
    url: props.url,
    sort: props.sort,
    hidden: props.hidden,
    page: { ...props.page, sizes: DOWNLOAD_PAGE_SIZES },
    exportControl: props.exportHref ? { href: props.exportHref, expectedRows: props.page.totalRows, filename } : null,
  };
}

/** The columns every list of sales shares, by id (the ids are the sort keys of lib/downloads/download-lists.ts). */
function useSaleColumns() {
  const t = useTranslations("downloads");
  const format = useFormatter();
  const muted = (text: string) => <span className="text-zinc-600 dark:text-zinc-400">{text}</span>;
  const saleHref = (f: DownloadFact) => `/sales/${encodeURIComponent(f.saleId)}`;
  const customer: Column<DownloadFact> = {
    id: "customer",
    header: t("columns.customer"),
    sortable: true,
    alwaysVisible: true,
    card: "title",
    cell: (f) => (
      <Link prefetch={false} href={saleHref(f)} className={LINK}>
        {f.customerName ?? f.customerEmail ?? t("unknownCustomer")}
      </Link>
    ),
  };
  const sale: Column<DownloadFact> = {
    id: "sale",
    header: t("columns.sale"),
    cell: (f) => (
      <Link prefetch={false} href={saleHref(f)} className={`${LINK} font-mono text-xs`}>
        {f.saleId}
      </Link>
    ),
  };
  const product: Column<DownloadFact> = { id: "product", header: t("columns.product"), sortable: true, cell: (f) => f.productName ?? f.productId };
  const paidAt = (card: Column<DownloadFact>["card"]): Column<DownloadFact> => ({
    id: "paid_at",
    header: t("columns.paidAt"),
    sortable: true,
    card,
    cell: (f) => (f.completedAt ? <DateTime value={f.completedAt} /> : muted(t("unknown"))),
  });
  const downloads: Column<DownloadFact> = {
    id: "downloads",
    header: t("columns.downloads"),
    sortable: true,
    align: "right",
    card: "amount",
    cell: (f) => (f.downloadTotal === null ? muted(t("unknown")) : format.number(f.downloadTotal)),
  };
  const lastDownload = (card?: Column<DownloadFact>["card"]): Column<DownloadFact> => ({
    id: "last_download",
    header: t("columns.lastDownload"),
    sortable: true,
    card,
    cell: (f) => (f.downloadTotal === 0 ? muted(t("never")) : f.downloadLastAt ? <DateTime value={f.downloadLastAt} /> : muted(t("unknown"))),
  });
  return { customer, sale, product, paidAt, downloads, lastDownload };
}

/** Buyers who have not downloaded N days after paying, with the contact buttons; oldest payment first. */
export function NotAccessedTable({ defaultLanguage, canContact, ...props }: DownloadListProps<NotAccessedSale> & { defaultLanguage: "fr" | "en"; canContact: boolean }) {
  const t = useTranslations("downloads");
  const c = useSaleColumns();
  const columns: Column<NotAccessedSale>[] = [
    c.customer,
    { id: "age", header: t("columns.age"), align: "right", card: "amount", cell: (s) => t("notAccessed.age", { days: s.daysSincePayment }) },
    c.paidAt("date"),
    c.product,
    c.sale,
    ...(canContact ? [{ id: "actions", header: t("columns.actions"), alwaysVisible: true, card: "actions" as const, cell: (s: NotAccessedSale) => <ContactBuyer saleId={s.saleId} hasEmail={s.customerEmail !== null} /> }] : []),
  ];
  const table = (
    <DataTable
      testId="downloads-not-accessed"
      label={t("notAccessed.tableLabel")}
      columns={columns}
      rowKey={(s) => s.saleId}
      rowHref={(s) => `/sales/${encodeURIComponent(s.saleId)}`}
      emptyMessage={t("notAccessed.empty")}
      {...tableProps("waiting", props, "downloads-not-accessed.csv")}
    />
  );
  return canContact && props.rows.length > 0 ? <ContactLanguage defaultLanguage={defaultLanguage}>{table}</ContactLanguage> : table;
}

/** Sales downloaded more than the limit; most downloads first. */
export function UnusualTable(props: DownloadListProps<DownloadFact>) {
  const t = useTranslations("downloads");
  const c = useSaleColumns();
  const columns: Column<DownloadFact>[] = [c.customer, c.downloads, c.lastDownload("date"), c.product, c.paidAt("detail"), c.sale];
  return (
    <DataTable
      testId="downloads-unusual-table"
      label={t("unusual.tableLabel")}
      columns={columns}
      rowKey={(f) => f.saleId}
      rowHref={(f) => `/sales/${encodeURIComponent(f.saleId)}`}
      emptyMessage={t("unusual.empty")}
      {...tableProps("unusual", props, "downloads-unusual.csv")}
    />
  );
}

/** Per product: who downloaded at least once, and how soon. */
export function EngagementTable(props: DownloadListProps<ProductEngagement>) {
  const t = useTranslations("downloads");
  const format = useFormatter();
  const muted = (text: string) => <span className="text-zinc-600 dark:text-zinc-400">{text}</span>;
  const columns: Column<ProductEngagement>[] = [
    { id: "product", header: t("columns.product"), sortable: true, alwaysVisible: true, card: "title", cell: (e) => e.productName ?? e.productId },
    {
      id: "share",
      header: t("columns.share"),
      sortable: true,
      align: "right",
      card: "amount",
      cell: (e) => (e.share === null ? muted(t("unknown")) : format.number(e.share, { style: "percent", maximumFractionDigits: 1 })),
    },
    { id: "paid_sales", header: t("columns.paidSales"), sortable: true, align: "right", cell: (e) => format.number(e.paidSales) },
    { id: "known", header: t("columns.known"), align: "right", cell: (e) => format.number(e.knownSales) },
    {
      id: "median_first",
      header: t("columns.medianFirst"),
      sortable: true,
      align: "right",
      cell: (e) =>
        e.medianHoursToFirst === null
          ? muted(t("engagement.noMedian", { sample: e.firstDownloadSample }))
          : t("engagement.median", { hours: format.number(e.medianHoursToFirst, { maximumFractionDigits: 1 }), sample: e.firstDownloadSample }),
    },
  ];
  return <DataTable testId="downloads-engagement-table" label={t("engagement.title")} columns={columns} rowKey={(e) => e.productId} emptyMessage={t("engagement.empty")} {...tableProps("products", props, "downloads-engagement.csv")} />;
}

/** Every paid sale of a product with files, newest first, with what is known of its downloads. */
export function RecentSalesTable(props: DownloadListProps<DownloadFact>) {
  const t = useTranslations("downloads");
  const c = useSaleColumns();
  const columns: Column<DownloadFact>[] = [c.customer, c.downloads, c.paidAt("date"), c.lastDownload(), c.product, c.sale];
  return (
    <DataTable
      testId="downloads-recent-table"
      label={t("recent.title")}
      columns={columns}
      rowKey={(f) => f.saleId}
      rowHref={(f) => `/sales/${encodeURIComponent(f.saleId)}`}
      emptyMessage={t("coverage.none")}
      {...tableProps("recent", props, "downloads-sales.csv")}
    />
  );
}
