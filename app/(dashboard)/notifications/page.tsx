// The in-app notifications (issue 19; every member, their own): the list unread first or newest first
// (`?order=`), one page in the shared table, "mark all read"; below, the member's notification
// preferences — the same form as on Settings, here for every role (Settings is for owners and admins).
// Everything is server-rendered with links and form posts: nothing here needs client JavaScript.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { readTableState } from "@/components/data-table/table-state";
import { INBOX_PAGE_SIZES, INBOX_TABLE_PREFIX, InboxTable } from "@/components/notifications/inbox-table";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { LOCALES } from "@/lib/i18n/locales";
import { markAllReadFromForm } from "@/lib/notifications/actions";
import { INBOX_ORDERS, inboxOrderSchema, listInbox, unreadCount } from "@/lib/notifications/inbox";
import { ALERT_TOPICS } from "@/lib/notifications/preferences";
import { readMemberNotifications } from "@/lib/notifications/preferences-service";
import { formFeedback, queryString } from "@/lib/notifications/page-query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotificationsPage"))("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const member = await requireMember();
  const t = await getTranslations("NotificationsPage");
  const db = await getDb();
  const query = await searchParams;
  const order = inboxOrderSchema.catch("unread").parse(query.order);
  const state = readTableState(query, { sort: { column: "created_at", dir: "desc" }, size: INBOX_PAGE_SIZES[0] }, { prefix: INBOX_TABLE_PREFIX, sizes: INBOX_PAGE_SIZES });
  const [rows, unread, notifications] = await Promise.all([
    listInbox(db, member.id, { order, limit: state.size + 1, offset: (state.page - 1) * state.size }),
    unreadCount(db, member.id),
    readMemberNotifications(db, member.id),
  ]);
  const here = `/notifications${queryString(query)}`;
  const feedback = formFeedback(query, "notifications");
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { count: unread })} />
      <div className="space-y-6">
        <Card>
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <nav aria-label={t("list.orderLabel")} className="flex flex-wrap gap-1">
              {INBOX_ORDERS.map((o) => (
                <a key={o} href={`/notifications?order=${o}`} aria-current={o === order ? "true" : undefined} className={buttonClass(o === order ? "secondary" : "ghost", "text-xs")}>
                  {t(`list.order.${o}`)}
                </a>
              ))}
            </nav>
            {unread > 0 ? (
              <form action={markAllReadFromForm}>
                <input type="hidden" name="returnTo" value={here} />
                <button type="submit" className={buttonClass("secondary")} data-testid="mark-all-read">
                  {t("list.markAllRead")}
                </button>
              </form>
            ) : null}
          </div>
          <InboxTable rows={rows.slice(0, state.size)} url={{ pathname: "/notifications", query }} page={{ number: state.page, size: state.size, hasMore: rows.length > state.size }} returnTo={here} />
        </Card>
        <Card title={t("preferences.title")} testId="notifications-preferences-card">
          <NotificationPreferencesForm
            preferences={notifications.preferences}
            topics={ALERT_TOPICS}
            locales={LOCALES}
            emailConfigured={notifications.emailConfigured}
            returnTo="/notifications"
            saved={feedback.saved}
            errorField={feedback.errorField}
            previewHref={can(member.role, "analytics:read") ? "/notifications/preview" : null}
          />
        </Card>
      </div>
    </>
  );
}
