"use client";
// The phone's bottom bar (below 64rem): the role's four most used sections as plain links, reachable
// with a thumb and working before the JavaScript has loaded, and "More", which opens the navigation
// sheet through the HTML popover attribute (no script needed). Client only to mark the current section
// after client-side navigations (the layout around it is not re-rendered).
import type { ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { isCurrentSection, type NavKey, type PhoneTab } from "@/config/nav";

const ITEM =
  "flex h-full min-h-11 w-full flex-col items-center justify-center gap-0.5 rounded-md px-1 text-[11px] leading-tight font-medium focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500";
const IDLE = "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800";
const CURRENT = "text-brand-700 dark:text-white";

export function PhoneTabBar({ tabs, drawerId, icons, moreIcon }: { tabs: readonly PhoneTab[]; drawerId: string; icons: Record<NavKey, ReactNode>; moreIcon: ReactNode }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  // "More" looks current when the page is one of the sections it holds.
  const inMore = pathname !== null && !tabs.some((tab) => isCurrentSection(pathname, tab.href));
  return (
    <nav
      aria-label={t("phoneLabel")}
      data-testid="phone-tab-bar"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-zinc-200 bg-white lg:hidden print:hidden dark:border-zinc-800 dark:bg-zinc-900"
    >
      <ul className="grid h-16 grid-cols-5 gap-1 px-1 py-1">
        {tabs.map((tab) => {
          const current = isCurrentSection(pathname, tab.href);
          return (
            <li key={tab.key} className="min-w-0">
              <Link href={tab.href} aria-current={current ? "page" : undefined} className={`${ITEM} ${current ? CURRENT : IDLE}`}>
                {icons[tab.key]}
                <span className="max-w-full truncate">{t(`short.${tab.key}`)}</span>
              </Link>
            </li>
          );
        })}
        <li className="col-start-5 min-w-0">
          <button type="button" popoverTarget={drawerId} aria-controls={drawerId} data-testid="nav-more" className={`${ITEM} ${inMore ? CURRENT : IDLE}`}>
            {moreIcon}
            <span className="max-w-full truncate">{t("more")}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
