"use client";
// The responsive frame of every dashboard page: a fixed sidebar on wide screens, a drawer on phones.
// Content slots are rendered on the server and passed in; this component only owns the drawer state.
import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { NavItem } from "@/config/nav";
import { SidebarNav } from "@/components/layout/sidebar-nav";

type Props = {
  navItems: readonly NavItem[];
  brand: ReactNode;
  sidebarFooter: ReactNode;
  topbar: ReactNode;
  children: ReactNode;
};

export function AppShell({ navItems, brand, sidebarFooter, topbar, children }: Props) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);

  const sidebar = (
    <div className="flex h-full flex-col gap-6 p-4">
      <div>{brand}</div>
      <div className="flex-1 overflow-y-auto">
        <SidebarNav items={navItems} onNavigate={() => setOpen(false)} />
      </div>
      <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">{sidebarFooter}</div>
    </div>
  );

  return (
    <div className="min-h-screen bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100 print:bg-white print:text-black">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("app.skipToContent")}
      </a>
      <aside
        data-testid="sidebar"
        className="fixed inset-y-0 left-0 z-30 hidden w-64 print:hidden border-r border-zinc-200 bg-white lg:block dark:border-zinc-800 dark:bg-zinc-900"
      >
        {sidebar}
      </aside>
      {open ? (
        <div className="fixed inset-0 z-40 lg:hidden">
          <button type="button" aria-label={t("nav.closeMenu")} className="absolute inset-0 bg-black/40" onClick={() => setOpen(false)} />
          <aside className="absolute inset-y-0 left-0 w-72 bg-white shadow-xl dark:bg-zinc-900">
            <button
              type="button"
              aria-label={t("nav.closeMenu")}
              onClick={() => setOpen(false)}
              className="absolute right-3 top-3 rounded p-1 text-zinc-600 dark:text-zinc-400 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              <X aria-hidden className="size-5" />
            </button>
            {sidebar}
          </aside>
        </div>
      ) : null}
      {/* Printing (the packing list of Orders to ship) shows the page alone: no sidebar, no top bar. */}
      <div className="lg:pl-64 print:pl-0">
        <header className="sticky top-0 z-20 flex print:hidden items-center gap-3 border-b border-zinc-200 bg-white/90 px-4 py-3 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/90">
          <button
            type="button"
            aria-label={t("nav.openMenu")}
            onClick={() => setOpen(true)}
            className="rounded p-1 text-zinc-700 hover:bg-zinc-100 lg:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            <Menu aria-hidden className="size-5" />
          </button>
          <div className="flex flex-1 flex-wrap items-center justify-end gap-3">{topbar}</div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
