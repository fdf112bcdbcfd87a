// The Recovery page (DESIGN §3): failed and abandoned sales to follow up (default: last 30 days, still
// open), 25 per page, one line each; a lead's panel (`?lead=<sale id>`) holds its actions. Recovery is
// attributed automatically within the window setting; the analytics cover the whole range. Everything is
// read here on the server, and the range, the open/all tabs, sort, pages and the panel are links and GET
// forms that work before JavaScript; the islands perform the audited actions and refresh the page.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hrefWith, readTableState } from "@/components/data-table/table-state";
import { LeadPanel } from "@/components/recovery/lead-panel";
import { RecoveryStatsCard } from "@/components/recovery/recovery-stats-card";
import type { LeadDetailView, LeadRowView } from "@/components/recovery/recovery-types";
import { RecoveryWorklist } from "@/components/recovery/recovery-worklist";
import { RecoveryTemplatesForm } from "@/components/recovery/templates-form";
import { RecoveryWindowForm } from "@/components/recovery/window-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ClearedFiltersNotice } from "@/components/ui/cleared-filters-notice";
import { DateRangeFilter } from "@/components/ui/date-range-filter";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { parsePageQuery, type SearchParamsRecord } from "@/lib/http/page-query";
import { currentLocale } from "@/lib/i18n/request";
import {
  defaultLeadRange,
  getLead,
  getRecoveryTemplates,
  getRecoveryWindowDays,
  isOpenLead,
  LEAD_SORT_COLUMNS,
  leadAgeDays,
  listLeadPage,
  listLeads,
  MAX_RECOVERY_WINDOW_DAYS,
  MIN_RECOVERY_WINDOW_DAYS,
  recoveryPageQuerySchema,
  recoveryStats,
  recoveryStatsForRole,
  type Lead,
  type LeadSortColumn,
} from "@/lib/recovery";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { listMembers } from "@/lib/team";
import { today } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.recovery"))("title") };
}

const SIZES = [25, 50, 100] as const;
const INCLUDES = ["open", "all"] as const;

const rowView = (l: Lead, now: Date): LeadRowView => ({
  saleId: l.saleId,
  customerName: l.customerName,
  customerEmail: l.customerEmail,
  productName: l.productName,
  amount: l.amount,
  currency: l.currency,
  category: l.category,
  at: l.at || null,
  ageDays: l.at ? leadAgeDays(l, now) : null,
  state: l.state,
  recovered: l.recovered,
});

const detailView = (l: Lead, now: Date): LeadDetailView => ({
  ...rowView(l, now),
  status: l.status,
  failureCode: l.failureCode,
  channel: l.channel,
  paymentMethod: l.paymentMethod,
  note: l.note,
  assignedTo: l.assignedTo,
  contactedAt: l.contactedAt,
  // A product may still have no known link: the contact API then answers none and the panel says why.
  hasLink: l.checkoutUrl !== null || l.productId !== null,
  hasEmail: l.customerEmail !== null,
});

export default async function RecoveryPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requirePermission("recovery:read");
  const sp = await searchParams;
  const t = await getTranslations("Recovery");
  const tp = await getTranslations("pages.recovery");
  const db = await getDb();
  const [timeZone, locale, windowDays] = await Promise.all([getStoreTimeZone(db), currentLocale(), getRecoveryWindowDays(db)]);
  // Bad values in the URL are cleared and named (the notice), never an error page.
  const q = parsePageQuery(recoveryPageQuerySchema, { from: sp.from, to: sp.to, include: sp.include, lead: sp.lead });
  const fallback = defaultLeadRange(timeZone);
  const range = { from: q.value.from ?? fallback.from, to: q.value.to ?? fallback.to };
  const include = q.value.include;
  const table = readTableState(sp, { sort: { column: "at", dir: "desc" }, size: SIZES[0] }, { sortable: LEAD_SORT_COLUMNS, sizes: SIZES });
  const now = new Date();
  const [all, page, opened, members, templates] = await Promise.all([
    // The analytics and the counts cover the whole range; the list reads only its page.
    listLeads(db, range, { windowDays }),
    listLeadPage(db, range, { include, sort: { column: table.sort.column as LeadSortColumn, dir: table.sort.dir }, page: table.page, size: table.size, windowDays }),
    q.value.lead ? getLead(db, q.value.lead, { windowDays }) : null,
    // The assignee choice is in the lead's panel only.
    q.value.lead ? listMembers(db) : [],
    can(member.role, "settings:manage") ? getRecoveryTemplates(db) : null,
  ]);
  // A `lead` that is not a failed or abandoned sale is named like any bad filter.
  const cleared = [...q.cleared, ...(q.value.lead && !opened ? ["lead"] : [])];
  const total = include === "all" ? all.length : all.filter(isOpenLead).length;
  const url = { pathname: "/recovery", query: sp };

  return (
    <>
      <PageHeader title={tp("title")} description={tp("description")} />
      {cleared.length > 0 ? <div className="mb-6"><ClearedFiltersNotice fields={cleared} /></div> : null}
      <div className="mb-6 space-y-3">
        <DateRangeFilter pathname="/recovery" query={sp} from={range.from} to={range.to} today={today(timeZone)} timeZone={timeZone} drop={["lead"]} />
        {/* Open leads or every lead of the range: links, one tap, before JavaScript. */}
        <nav aria-label={t("include.label")}>
          <ul className="flex flex-wrap gap-1">
            {INCLUDES.map((i) => (
              <li key={i}>
                <Link
                  prefetch={false}
                  href={hrefWith("/recovery", sp, { include: i === "open" ? null : i })}
                  aria-current={i === include ? "page" : undefined}
                  className={buttonClass(i === include ? "primary" : "secondary", "min-h-11 rounded-full")}
                  data-testid={`recovery-include-${i}`}
                >
                  {t(`include.${i}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className="mb-6">
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="recovery-window-rule">{t("window.rule", { days: windowDays })}</p>
        <RecoveryStatsCard stats={recoveryStatsForRole(recoveryStats(all), member.role)} />
      </div>
      {opened ? (
        <div className="mb-6">
          <LeadPanel
            lead={detailView(opened, now)}
            members={members.map((m) => ({ id: m.id, label: m.name ?? m.email }))}
            closeHref={hrefWith("/recovery", sp, { lead: null }, "lead")}
            defaultLanguage={locale}
          />
        </div>
      ) : null}
      <Card title={t("worklist.title", { count: total })}>
        <RecoveryWorklist
          leads={page.rows.map((l) => rowView(l, now))}
          total={total}
          url={url}
          sort={table.sort}
          hidden={table.hidden}
          page={{ number: table.page, size: table.size, hasMore: page.hasMore, sizes: SIZES }}
          openLead={opened?.saleId ?? null}
          exportHref={can(member.role, "export:csv") ? `/api/recovery/export.csv?${new URLSearchParams(range).toString()}` : null}
        />
      </Card>
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
