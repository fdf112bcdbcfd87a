// The Recovery page (DESIGN §3), an inbox: failed and abandoned sales to follow up (default: last 30 days,
// still to follow up), 25 per page, one line each with its one-tap WhatsApp (or e-mail) link ready in the
// HTML; filters by reason (with the count of each), status, channel, assignee and days; a lead's panel
// (`?lead=<sale id>`) along the right edge (a bottom sheet on a phone) holds its note, assignee and status.
// Recovery is attributed automatically within the window setting; the analytics below cover the whole
// range. Everything is read here on the server, and the filters, sort, pages and the panel are links and
// GET forms that work before JavaScript; the islands perform the audited actions and refresh the page.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { hrefWith, readTableState } from "@/components/data-table/table-state";
import { ExactLinkButton } from "@/components/recovery/exact-link-button";
import { LeadPanel } from "@/components/recovery/lead-panel";
import { RecoveryFilters } from "@/components/recovery/recovery-filters";
import { RecoveryStatsCard } from "@/components/recovery/recovery-stats-card";
import type { MemberOption } from "@/components/recovery/recovery-types";
import { RecoveryWorklist } from "@/components/recovery/recovery-worklist";
import { RecoveryTemplatesForm } from "@/components/recovery/templates-form";
import { RecoveryWindowForm } from "@/components/recovery/window-form";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { currentLocale } from "@/lib/i18n/request";
import {
  buildLeadMessage,
  buildLeadMessages,
  defaultLeadRange,
  getExactRecoveryLink,
  getLead,
  getRecoveryTemplates,
  getRecoveryWindowDays,
  isOpenLead,
  LEAD_SORT_COLUMNS,
  leadFirstContact,
  listLeadPage,
  MAX_RECOVERY_WINDOW_DAYS,
  MIN_RECOVERY_WINDOW_DAYS,
  rangeRecoveries,
  reasonCountsOf,
  recoveryPageQuerySchema,
  recoveryStats,
  recoveryStatsForRole,
  type LeadFilters,
  type LeadSortColumn,
} from "@/lib/recovery";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { storeCatalogueLinks } from "@/lib/store/catalogue-links";
import { listMembers } from "@/lib/team";
import { today } from "@/lib/time";
import { detailView, rowView } from "./lead-views";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.recovery"))("title") };
}

const SIZES = [25, 50, 100] as const;

export default async function RecoveryPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("recovery:read");
  const sp = await searchParams;
  const t = await getTranslations("Recovery");
  const tp = await getTranslations("pages.recovery");
  const db = await getDb();
  const [timeZone, locale, windowDays] = await Promise.all([getStoreTimeZone(db), currentLocale(), getRecoveryWindowDays(db)]);
  // Bad values in the URL are cleared and named (the notice), never an error page.
  const q = parsePageQuery(recoveryPageQuerySchema, { from: sp.from, to: sp.to, reason: sp.reason, status: sp.status, channel: sp.channel, assignee: sp.assignee, lead: sp.lead, msg: sp.msg });
  const fallback = defaultLeadRange(timeZone);
  const range = { from: q.value.from ?? fallback.from, to: q.value.to ?? fallback.to };
  const filters: LeadFilters = { reason: q.value.reason, status: q.value.status, channel: q.value.channel, assignee: q.value.assignee };
  const table = readTableState(sp, { sort: { column: "at", dir: "desc" }, size: SIZES[0] }, { sortable: LEAD_SORT_COLUMNS, sizes: SIZES });
  const now = new Date();
  // The analytics and the reason counts come from the range's leads grouped in SQL, attributed there
  // (range-recoveries.ts); its recovered leads serve the status filter and the page's rows.
  const [figures, members, templates] = await Promise.all([rangeRecoveries(db, range, windowDays), listMembers(db), can(member.role, "settings:manage") ? getRecoveryTemplates(db) : null]);
  const counts = reasonCountsOf(figures.groups, filters);
  const [page, opened] = await Promise.all([
    listLeadPage(db, range, { filters, recovered: figures.recovered, sort: { column: table.sort.column as LeadSortColumn, dir: table.sort.dir }, page: table.page, size: table.size, windowDays }),
    q.value.lead ? getLead(db, q.value.lead, { windowDays }) : null,
  ]);
  // Each row's link is in the HTML: one tap opens the chat, nothing asked of the server first.
  const messageLanguage = q.value.msg ?? locale;
  const [messages, panelMessage, firstContact] = await Promise.all([
    buildLeadMessages(db, page.rows.filter(isOpenLead).map((l) => l.saleId), locale, storeCatalogueLinks),
    opened ? buildLeadMessage(db, opened.saleId, messageLanguage, storeCatalogueLinks) : null,
    opened ? leadFirstContact(db, opened.saleId) : null,
  ]);
  const options: MemberOption[] = members.map((m) => ({ id: m.id, label: m.name ?? m.email }));
  const assignees = new Map(options.map((m) => [m.id, m.label]));
  // A `lead` that is not a failed or abandoned sale is named like any bad filter.
  const cleared = [...q.cleared, ...(q.value.lead && !opened ? ["lead"] : [])];
  const total = filters.reason ? counts[filters.reason] : counts.failed + counts.abandoned;
  const url = { pathname: "/recovery", query: sp };
  const activeCount = [filters.status !== "todo", filters.channel, filters.assignee, q.value.from || q.value.to].filter(Boolean).length;

  // The exact payment link (POST /v1/checkout): offered on a lead still to chase, or shown once made.
  const storedLink = opened ? await getExactRecoveryLink(db, opened.saleId) : null;
  const exactLink =
    opened && (storedLink || isOpenLead(opened)) ? (
      <ExactLinkButton
        leadId={opened.saleId}
        initial={storedLink ? { status: storedLink.status, step: storedLink.step, url: storedLink.url, discountCode: storedLink.discountCode } : null}
        whatsappDigits={panelMessage?.whatsapp.ok ? panelMessage.whatsapp.digits : null}
      />
    ) : null;
  const detail = opened ? detailView(opened, assignees, t("unknown"), { message: panelMessage, messageLanguage, firstContact }) : null;

  return (
    <>
      <PageHeader title={tp("title")} description={tp("description")} />
      {cleared.length > 0 ? <div className="mb-6"><ClearedFiltersNotice fields={cleared} /></div> : null}
      <div className="mb-4">
        <RecoveryFilters
          pathname="/recovery"
          query={sp}
          filters={filters}
          counts={counts}
          members={options}
          range={range}
          today={today(timeZone)}
          timeZone={timeZone}
          activeCount={activeCount}
        />
      </div>
      <Card title={t("worklist.title", { count: total })}>
        <RecoveryWorklist
          leads={page.rows.map((l) => rowView(l, assignees, t("unknown"), messages.get(l.saleId)))}
          total={total}
          url={url}
          sort={table.sort}
          hidden={table.hidden}
          page={{ number: table.page, size: table.size, hasMore: page.hasMore, sizes: SIZES }}
          openLead={detail?.saleId ?? null}
          exportHref={can(member.role, "export:csv") ? `/api/recovery/export.csv?${new URLSearchParams(range).toString()}` : null}
          now={now.toISOString()}
        />
      </Card>
      {detail ? (
        <LeadPanel
          lead={detail}
          members={options}
          closeHref={hrefWith("/recovery", sp, { lead: null, msg: null }, "lead")}
          languageHrefs={{ fr: hrefWith("/recovery", sp, { msg: "fr" }, "msg"), en: hrefWith("/recovery", sp, { msg: "en" }, "msg") }}
          exactLink={exactLink}
        />
      ) : null}
      <div className="mt-6">
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="recovery-window-rule">{t("window.rule", { days: windowDays })}</p>
        <RecoveryStatsCard stats={recoveryStatsForRole(recoveryStats(figures.groups), member.role)} />
      </div>
      {templates ? (
        <div className="mt-6">
          <Card>
            <div className="mb-4">
              <RecoveryWindowForm initial={windowDays} min={MIN_RECOVERY_WINDOW_DAYS} max={MAX_RECOVERY_WINDOW_DAYS} />
            </div>
            <RecoveryTemplatesForm initial={templates} />
          </Card>
        </div>
      ) : null}
    </>
  );
}
