// The Licences page (issue 9, issue 15's page pattern): every licence the mirror knows (GET /licenses walk,
// sale details, licence Pulses), keys masked. The URL is the state (filters, sort, page), parsed once;
// the list is read a page at a time in SQL and rendered here, so it works before JavaScript. Reveal and
// export go through /api/licences/**, which audit them; Reveal is the only client island.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LicencesFilters, LicenceStatusCounts } from "@/components/licences/licences-filters";
import { LicencesTable } from "@/components/licences/licences-table";
import { readTableState } from "@/components/data-table/table-state";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format/date-time";
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { LICENCE_PAGE_SIZES, LICENCE_SORT_COLUMNS, licenceCountsByStatus, licenceProducts, licencesListSchema, listLicences, type LicencesQuery } from "@/lib/licences";
import { currentLocale } from "@/lib/i18n/request";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { loadLicencesSyncState, notAvailableSince } from "@/lib/sync";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("licences"))("title") };
}

const PATHNAME = "/licences";

/** The export URL of the filters on screen (never the page's sort or page: the CSV has them all). */
function exportHref(filter: LicencesQuery, keys: "masked" | "clear"): string {
  const params = new URLSearchParams();
  for (const k of ["status", "product", "expiringWithinDays", "q"] as const) if (filter[k] !== undefined) params.set(k, String(filter[k]));
  params.set("keys", keys);
  return `/api/licences/export.csv?${params.toString()}`;
}

export default async function LicencesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("fulfilment:read");
  const query = await searchParams;
  const t = await getTranslations("licences");
  const db = await getDb();
  // Bad values in the URL are cleared and named (the notice), never an error page.
  const { value: list, cleared } = parsePageQuery(licencesListSchema, query);
  const table = readTableState(query, { sort: { column: "expires_at", dir: "asc" }, size: list.size }, { sortable: LICENCE_SORT_COLUMNS, sizes: LICENCE_PAGE_SIZES });
  const [timeZone, locale, page, counts, products, syncState, unavailableSince] = await Promise.all([
    getStoreTimeZone(db),
    currentLocale(),
    listLicences(db, list),
    licenceCountsByStatus(db),
    licenceProducts(db),
    loadLicencesSyncState({ db }),
    notAvailableSince(db, "licences"),
  ]);
  const at = (value: string | number) => formatDateTime(value, { locale, timeZone });
  // A store without GET /licenses (docs/sync.md, "Health"): say so rather than "not read yet" forever.
  const lastWalk =
    unavailableSince !== null
      ? t("sync.notAvailable", { at: at(unavailableSince) })
      : syncState?.lastPassAt
        ? t("sync.last", { at: at(syncState.lastPassAt), count: syncState.lastPassSeen ?? 0 })
        : t("sync.never");
  const mayExport = can(member.role, "export:csv");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4">
        <ClearedFiltersNotice fields={cleared} />
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="licences-sync">
          {lastWalk} {syncState?.inPass && unavailableSince === null ? t("sync.inProgress", { count: syncState.seen }) : null}
        </p>
        <LicenceStatusCounts pathname={PATHNAME} query={query} counts={counts} current={list.status} />
        <Card>
          <LicencesFilters pathname={PATHNAME} query={query} filter={list} products={products} />
        </Card>
        <Card title={t("table.title", { count: page.total })}>
          <LicencesTable
            list={page}
            url={{ pathname: PATHNAME, query }}
            sort={{ column: list.sort, dir: list.dir }}
            hidden={table.hidden}
            exportHref={mayExport ? exportHref(list, "masked") : null}
            clearExportHref={mayExport && can(member.role, "licences:keys") ? exportHref(list, "clear") : null}
          />
        </Card>
      </div>
    </>
  );
}
