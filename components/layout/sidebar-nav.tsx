"use client";
// Every section the signed-in role may open (already filtered on the server), the current one marked
// aria-current. Plain links, rendered on the server: they work before the JavaScript has loaded. A client
// component only because the layout persists across navigations, so the current section must be read
// from the URL in the browser (usePathname) rather than fixed when the layout was rendered.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { isCurrentSection, type NavItem, type NavKey } from "@/config/nav";
import type { ReactNode } from "react";

export function SidebarNav({ items, icons }: { items: readonly NavItem[]; icons: Record<NavKey, ReactNode> }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")}>
      <ul className="space-y-1">
        {items.map((item) => {
          const current = isCurrentSection(pathname, item.href);
          return (
            <li key={item.key}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-11 items-center gap-3 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ${
                  current
                    ? "bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-white"
                    : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }`}
              >
                {icons[item.key]}
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
