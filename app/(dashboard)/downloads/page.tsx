// The Downloads page (issue 9, issue 15's page pattern): coverage of the detail-only download data, buyers
// who have not accessed their files after N days (contact them), unusual download counts, engagement by
// product and every paid sale with its downloads. Read on the server from the mirror; the URL holds the
// filters and each table's sort and page (prefixed keys: `waiting_page`, `recent_sort`…), so it all works
// before JavaScript; the contact buttons are the only client island.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DownloadsFilters } from "@/components/downloads/downloads-filters";
import { EngagementTable, NotAccessedTable, RecentSalesTable, UnusualTable } from "@/components/downloads/download-tables";
import { readTableState, type TableUrlState } from "@/components/data-table/table-state";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import {
  DEFAULT_DOWNLOAD_PAGE_SIZE,
  DOWNLOAD_PAGE_SIZES,
  DOWNLOAD_TABLES,
  downloadsQuerySchema,
  downloadsPageData,
  type DownloadTable,
  type DownloadsQuery,
} from "@/lib/downloads";
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { currentLocale } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("downloads"))("title") };
}

const PATHNAME = "/downloads";

function tableState(query: SearchParamsRecord, prefix: DownloadTable): TableUrlState {
  const table = DOWNLOAD_TABLES[prefix];
  return readTableState(query, { sort: table.sort, size: DEFAULT_DOWNLOAD_PAGE_SIZE }, { prefix, sortable: table.sortable, sizes: DOWNLOAD_PAGE_SIZES });
}

function exportHref(prefix: DownloadTable, filter: DownloadsQuery): string {
  const params = new URLSearchParams({ list: DOWNLOAD_TABLES[prefix].list, days: String(filter.days) });
  if (filter.threshold !== undefined) params.set("threshold", String(filter.threshold));
  return `/api/downloads/export.csv?${params.toString()}`;
}

export default async function DownloadsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("fulfilment:read");
  const query = await searchParams;
  // A bad value in the URL is cleared and named (the notice), never an error page.
  const { value: filter, cleared } = parsePageQuery(downloadsQuerySchema, query);
  const [t, locale, db] = await Promise.all([getTranslations("downloads"), currentLocale(), getDb()]);
  const states = { waiting: tableState(query, "waiting"), unusual: tableState(query, "unusual"), products: tableState(query, "products"), recent: tableState(query, "recent") };
  // Each table's page and row count only (lib/downloads/downloads-page-data.ts), in the table's order.
  const report = await downloadsPageData(db, filter, states);
  const { coverage, unusual } = report;
  const mayExport = can(member.role, "export:csv");
  const url = { pathname: PATHNAME, query };

  /** One page of a list in its table's order, with what the table needs to link to the others. */
  function listProps<Row>(prefix: DownloadTable, list: { rows: Row[]; total: number }) {
    const state = states[prefix];
    return {
      rows: list.rows,
      page: { number: state.page, size: state.size, hasMore: list.total > state.page * state.size, totalRows: list.total },
      url,
      sort: state.sort,
      hidden: state.hidden,
      exportHref: mayExport ? exportHref(prefix, filter) : null,
    };
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        <ClearedFiltersNotice fields={cleared} />
        <Card>
          <DownloadsFilters pathname={PATHNAME} query={query} filter={filter} />
        </Card>
        <Card title={t("coverage.title")} testId="downloads-coverage">
          <p className="text-sm">{coverage.paidSales === 0 ? t("coverage.none") : t("coverage.known", { known: coverage.known, total: coverage.paidSales })}</p>
          {coverage.known < coverage.paidSales ? <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t("coverage.filling")}</p> : null}
        </Card>
        <Card title={t("notAccessed.title", { count: report.notAccessed.total })} testId="downloads-not-accessed-card">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("notAccessed.help", { days: filter.days })}</p>
          <NotAccessedTable defaultLanguage={locale} canContact={can(member.role, "fulfilment:write")} {...listProps("waiting", report.notAccessed)} />
        </Card>
        <Card title={t("unusual.title", { count: unusual.total })} testId="downloads-unusual">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            {unusual.limit === null
              ? t("unusual.noData")
              : unusual.rule === "p99"
                ? t("unusual.ruleP99", { limit: unusual.limit, known: unusual.knownCounts })
                : t("unusual.ruleThreshold", { limit: unusual.limit, known: unusual.knownCounts, p99: unusual.p99 ?? 0 })}
          </p>
          <UnusualTable {...listProps("unusual", unusual)} />
        </Card>
        <Card title={t("engagement.title")} testId="downloads-engagement">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("engagement.help")}</p>
          <EngagementTable {...listProps("products", report.engagement)} />
        </Card>
        <Card title={t("recent.title")} testId="downloads-recent">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("recent.help")}</p>
          <RecentSalesTable {...listProps("recent", report.recent)} />
        </Card>
      </div>
    </>
  );
}
