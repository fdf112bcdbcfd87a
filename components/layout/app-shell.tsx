// The frame of every dashboard page, built to work before the JavaScript has loaded (a merchant on a
// slow phone connection waits seconds for it):
// - wide screens (≥ 64rem): a fixed sidebar with every section, the member, language and theme;
// - phones: a top bar at most 56 px tall (demo badge, freshness), and a bottom bar with the role's four
//   most used sections plus "More", which opens the same sidebar element as a sheet. The sheet is an
//   HTML popover (app/globals.css), so "More", its close button, Escape and a tap outside work from the
//   first paint; NavDrawerEnhancer adds closing on navigation and focus handling once hydrated.
// One element serves as sidebar and sheet, so each link, test id and form exists once in the page.
// A server component: only the navigation lists (the current section) and the enhancer are client code.
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { NavItem, PhoneTab } from "@/config/nav";
import { NavDrawerEnhancer } from "@/components/layout/nav-drawer-enhancer";
import { moreIconElement, navIconElements } from "@/components/layout/nav-icons";
import { PhoneTabBar } from "@/components/layout/phone-tab-bar";
import { SidebarNav } from "@/components/layout/sidebar-nav";

export const NAV_DRAWER_ID = "nav-drawer";

type Props = {
  navItems: readonly NavItem[];
  phoneTabs: readonly PhoneTab[];
  brand: ReactNode;
  sidebarFooter: ReactNode;
  topbar: ReactNode;
  /** Shown under the top bar (the stale-data banner): the top bar itself keeps its height. */
  notice?: ReactNode;
  children: ReactNode;
};

export function AppShell({ navItems, phoneTabs, brand, sidebarFooter, topbar, notice, children }: Props) {
  const t = useTranslations();
  return (
    <div className="min-h-dvh bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100 print:bg-white print:text-black">
      {/* Off-screen (not 1 px) until focused, so it is a full 44 px target when it appears. */}
      <a
        href="#main"
        className="fixed left-2 top-2 z-50 inline-flex min-h-11 -translate-y-[200%] items-center rounded-md bg-white px-4 text-sm font-medium text-zinc-900 shadow-lg focus:translate-y-0 focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {t("app.skipToContent")}
      </a>
      <aside
        id={NAV_DRAWER_ID}
        popover="auto"
        data-testid="sidebar"
        aria-label={t("nav.menu")}
        className="nav-drawer fixed inset-x-0 top-auto bottom-0 z-40 m-0 h-auto max-h-[85dvh] w-full flex-col gap-6 overflow-y-auto overscroll-contain rounded-t-2xl border-0 bg-white p-4 text-zinc-900 shadow-xl dark:bg-zinc-900 dark:text-zinc-100 lg:inset-y-0 lg:left-0 lg:right-auto lg:z-30 lg:flex lg:h-dvh lg:max-h-none lg:w-64 lg:rounded-none lg:border-r lg:border-zinc-200 lg:shadow-none dark:lg:border-zinc-800"
      >
        <div className="flex items-start justify-between gap-2">
          {brand}
          <button
            type="button"
            popoverTarget={NAV_DRAWER_ID}
            popoverTargetAction="hide"
            aria-label={t("nav.closeMenu")}
            className="-mr-2 -mt-2 inline-flex size-11 shrink-0 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-500 lg:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            <X aria-hidden className="size-5" />
          </button>
        </div>
        <SidebarNav items={navItems} icons={navIconElements("size-5 shrink-0")} />
        <div className="space-y-3 border-t border-zinc-200 pt-4 lg:mt-auto dark:border-zinc-800">{sidebarFooter}</div>
      </aside>
      <NavDrawerEnhancer drawerId={NAV_DRAWER_ID} />
      {/* Printing (the packing list of Orders to ship) shows the page alone: no bars. */}
      <div className="lg:pl-64 print:pl-0">
        <header
          data-testid="top-bar"
          className="sticky top-0 z-20 flex h-14 items-center gap-2 overflow-hidden border-b border-zinc-200 bg-white/90 px-2 backdrop-blur sm:px-4 lg:px-8 print:hidden dark:border-zinc-800 dark:bg-zinc-900/90"
        >
          {topbar}
        </header>
        {notice}
        {/* On a phone the bottom bar (4rem) must not hide the end of the page. */}
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 pt-6 pb-24 outline-none lg:px-8 lg:pb-8 print:pb-0">
          {children}
        </main>
      </div>
      <PhoneTabBar tabs={phoneTabs} drawerId={NAV_DRAWER_ID} icons={navIconElements("size-5 shrink-0")} moreIcon={moreIconElement("size-5 shrink-0")} />
    </div>
  );
}
