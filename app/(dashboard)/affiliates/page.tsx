// The Affiliates page (DESIGN §3, issue 8; issue 15's page pattern): invite (owner, admin, marketing — the
// form is absent for others), look up a code, the affiliates the store knows ranked by their paid sales in
// one currency over a date range (?from=&to=&currency=, sort and page in the URL), and the invitations the
// dashboard sent (?status=&q=, `inv_page`…). Read on the server; the lists, filters and pages work before
// JavaScript, the invite and lookup forms are the client islands.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvitationsFilters, InvitationsTable, INVITATIONS_TABLE, INVITATION_PAGE_SIZES } from "@/components/affiliates/invitations";
import { InviteForm } from "@/components/affiliates/invite-form";
import { KnownAffiliates } from "@/components/affiliates/known-affiliates";
import { LookupForm } from "@/components/affiliates/lookup-form";
import { ShareLinks } from "@/components/affiliates/share-links";
import { listShareLinks } from "@/lib/affiliate-share/links";
import { pageOf, readTableState } from "@/components/data-table/table-state";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { DateRangeFilter } from "@/components/ui/date-range-filter";
import { PageHeader } from "@/components/ui/page-header";
import { INVITATION_STATUSES, affiliatesPageSchema, listInvitations, listKnownAffiliates } from "@/lib/affiliates/queries";
import { AFFILIATE_PAGE_SIZES, AFFILIATE_SORT_COLUMNS, rankAffiliates, type AffiliateSortColumn } from "@/lib/affiliates/ranking";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { today } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.affiliates"))("title") };
}

const PATHNAME = "/affiliates";

const queryString = (o: Record<string, string | undefined>) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => !!e[1])).toString();

export default async function AffiliatesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("affiliates:read");
  const query = await searchParams;
  const [t, tp, tl, db] = await Promise.all([getTranslations("Affiliates"), getTranslations("pages.affiliates"), getTranslations("AffiliateLinks"), getDb()]);
  // Bad values in the URL are cleared and named (the notice), never an error page.
  const { value: filter, cleared } = parsePageQuery(affiliatesPageSchema, query, { together: [["from", "to"]] });
  const range = { from: filter.from, to: filter.to };
  const [known, invitations, timeZone, shareLinks] = await Promise.all([listKnownAffiliates(db, range), listInvitations(db, { status: filter.status, q: filter.q }), getStoreTimeZone(db), listShareLinks(db, undefined)]);

  const rankingTable = readTableState(query, { sort: { column: "sales", dir: "desc" }, size: AFFILIATE_PAGE_SIZES[0] }, { sortable: AFFILIATE_SORT_COLUMNS, sizes: AFFILIATE_PAGE_SIZES });
  const ranking = rankAffiliates(known, filter.currency, { column: rankingTable.sort.column as AffiliateSortColumn, dir: rankingTable.sort.dir });
  const rankingPage = pageOf(ranking.rows, rankingTable);
  const invitationsTable = readTableState(query, { sort: { column: "sent_at", dir: "desc" }, size: INVITATION_PAGE_SIZES[0] }, { prefix: INVITATIONS_TABLE, sizes: INVITATION_PAGE_SIZES });
  const invitationsPage = pageOf(invitations, invitationsTable);
  const canExport = can(member.role, "export:csv");
  const url = { pathname: PATHNAME, query };

  return (
    <>
      <PageHeader title={tp("title")} description={tp("description")} />
      <div className="grid gap-6">
        <ClearedFiltersNotice fields={cleared} />
        <div className="grid gap-4 lg:grid-cols-2">
          {can(member.role, "affiliates:invite") ? (
            <Card>
              <InviteForm />
            </Card>
          ) : null}
          <Card>
            <LookupForm />
          </Card>
        </div>

        <Card title={t("known.title")} testId="known-affiliates">
          <div className="space-y-4">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("known.description")}</p>
            <DateRangeFilter pathname={PATHNAME} query={query} from={range.from ?? null} to={range.to ?? null} today={today(timeZone)} timeZone={timeZone} testId="affiliates-range" />
            <KnownAffiliates
              ranking={ranking}
              rows={rankingPage.rows}
              page={{ number: rankingTable.page, size: rankingTable.size, hasMore: rankingPage.hasMore, totalRows: rankingPage.total }}
              url={url}
              sort={rankingTable.sort}
              hidden={rankingTable.hidden}
              exportHref={canExport ? `/api/affiliates/export.csv?${queryString({ from: range.from, to: range.to })}` : null}
            />
          </div>
        </Card>

        <Card title={tl("title")} testId="affiliate-share-links">
          <ShareLinks
            links={shareLinks}
            codes={known.affiliates.filter((a): a is typeof a & { code: string } => a.code !== null).map((a) => ({ code: a.code, name: a.name }))}
            canShare={can(member.role, "affiliates:share")}
          />
        </Card>

        <Card title={t("invitations.title")} testId="affiliate-invitations">
          <div className="space-y-4">
            <InvitationsFilters pathname={PATHNAME} query={query} status={filter.status} q={filter.q} statuses={INVITATION_STATUSES} />
            <InvitationsTable
              rows={invitationsPage.rows}
              page={{ number: invitationsTable.page, size: invitationsTable.size, hasMore: invitationsPage.hasMore, totalRows: invitationsPage.total }}
              url={url}
              hidden={invitationsTable.hidden}
              exportHref={canExport ? `/api/affiliates/invitations/export.csv?${queryString({ status: filter.status, q: filter.q })}` : null}
            />
          </div>
        </Card>
      </div>
    </>
  );
}
