// The member's in-app notifications (issue 19) in the shared table (cards on a phone): what it says (its
// title links to the page that shows it), when, read or not, and a "mark read" button — a form posting to
// a server action, so no client code. The page passes one page of rows (URL keys `inbox_page`, `inbox_size`).
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { buttonClass } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import type { SearchParamsRecord } from "@/lib/http/page-query";
import { markReadFromForm } from "@/lib/notifications/actions";

export const INBOX_TABLE_PREFIX = "inbox";
export const INBOX_PAGE_SIZES = [25, 50, 100] as const;

export type InboxRow = { id: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null };

type Props = {
  rows: InboxRow[];
  url: { pathname: string; query: SearchParamsRecord };
  page: { number: number; size: number; hasMore: boolean };
  /** This page's path and query, where a "mark read" form comes back to. */
  returnTo: string;
};

/** A notification's link, as a path of this site when it points here (so it opens where the member is). */
function localHref(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return `${url.pathname}${url.search}`;
  } catch {
    return link.startsWith("/") && !link.startsWith("//") ? link : null;
  }
}

export function InboxTable({ rows, url, page, returnTo }: Props) {
  const t = useTranslations("NotificationsPage.list");
  const muted = "text-zinc-600 dark:text-zinc-400";
  const columns: Column<InboxRow>[] = [
    {
      id: "title",
      header: t("columns.message"),
      alwaysVisible: true,
      card: "title",
      cell: (r) => {
        const href = localHref(r.link);
        return (
          <div className="whitespace-normal" data-read={r.readAt ? "yes" : "no"}>
            <p className={r.readAt ? "" : "font-semibold"}>{href ? <a href={href} className="inline-flex min-h-11 items-center underline-offset-2 hover:underline">{r.title}</a> : r.title}</p>
            <p className={`text-xs ${muted}`}>{r.body}</p>
          </div>
        );
      },
    },
    { id: "created_at", header: t("columns.when"), card: "date", cell: (r) => <DateTime value={r.createdAt} className={muted} /> },
    { id: "state", header: t("columns.state"), card: "status", cell: (r) => (r.readAt ? <span className={muted}>{t("read")}</span> : <span className="font-medium text-brand-700 dark:text-brand-100">{t("unread")}</span>) },
    {
      id: "actions",
      header: t("columns.actions"),
      card: "actions",
      cell: (r) =>
        r.readAt ? null : (
          <form action={markReadFromForm}>
            <input type="hidden" name="id" value={r.id} />
            <input type="hidden" name="returnTo" value={returnTo} />
            <button type="submit" className={buttonClass("ghost", "text-xs")}>
              {t("markRead")}
            </button>
          </form>
        ),
    },
  ];
  return (
    <DataTable
      label={t("title")}
      testId="inbox"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowTone={(r) => (r.readAt ? null : "warning")}
      url={url}
      keyPrefix={INBOX_TABLE_PREFIX}
      page={{ ...page, sizes: INBOX_PAGE_SIZES }}
      columnMenu={false}
      emptyMessage={t("empty")}
    />
  );
}
