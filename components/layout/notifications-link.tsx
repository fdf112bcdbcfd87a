// The topbar's way to the in-app notifications (issue 19): a link with the unread count, rendered on the
// server by the dashboard layout — no client code, so it adds nothing to a page's first load. The count
// is read when the page is rendered; marking read re-renders the frame (lib/notifications/actions.ts).
import { useTranslations } from "next-intl";

export function NotificationsLink({ unread }: { unread: number }) {
  const t = useTranslations("NotificationsPage.topbar");
  return (
    <a
      href="/notifications"
      data-testid="notifications-link"
      aria-label={unread > 0 ? t("labelUnread", { count: unread }) : t("label")}
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span data-testid="notifications-unread" className="absolute right-1 top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-5 text-white">
          {unread > 99 ? t("many") : unread}
        </span>
      ) : null}
    </a>
  );
}
