// The dashboard frame: the signed-in member (re-read from the database), the sections their role may
// open, the store name, demo badge, language and theme switches, and the data-freshness slot.
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { StoreBrand } from "@/components/layout/store-brand";
import { ThemeSwitch } from "@/components/layout/theme-switch";
import { UserMenu } from "@/components/layout/user-menu";
import { NAV_ITEMS } from "@/config/nav";
import { can } from "@/lib/auth/permissions";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getFreshness } from "@/lib/freshness/get-freshness";
import { getConnectionStatus, getStoreName } from "@/lib/store/store-info";
import { signOutAction } from "./actions";
import { FreshnessClient } from "./freshness-client";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const navItems = NAV_ITEMS.filter((item) => can(member.role, item.permission));
  const [storeName, connection] = [await getStoreName(), getConnectionStatus()];
  // The slot must never take a page down: without a status it says "no sync yet" and polls.
  const freshness = await getFreshness(await getDb()).catch((error: unknown) => {
    console.error("[freshness] could not read the sync status", error);
    return null;
  });
  return (
    <AppShell
      navItems={navItems}
      brand={<StoreBrand storeName={storeName} demo={connection.mode === "demo"} />}
      sidebarFooter={<UserMenu user={{ email: member.email, name: member.name, role: member.role }} signOutAction={signOutAction} />}
      topbar={
        <>
          <FreshnessClient initial={freshness} canSync={can(member.role, "settings:manage")} />
          <LanguageSwitch />
          <ThemeSwitch />
        </>
      }
    >
      {children}
    </AppShell>
  );
}
