// The dashboard frame: the signed-in member (re-read from the database), the sections their role may
// open (sidebar / phone sheet, and the phone's bottom bar), the store name, demo badge, freshness slot,
// the member with sign-out, language and theme switches. components/layout/app-shell.tsx lays them out.
// Offline (docs/offline.md): the service worker, the offline banner, the install offer, low-data mode.
// The topbar links to the member's in-app notifications with their unread count (docs/notifications.md).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { Suspense, type ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { DemoBadge } from "@/components/layout/demo-badge";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { NotificationsLink } from "@/components/layout/notifications-link";
import { StoreBrand } from "@/components/layout/store-brand";
import { ThemeSwitch } from "@/components/layout/theme-switch";
import { THEME_ICONS } from "@/components/layout/theme-switch-icons";
import { UserMenu } from "@/components/layout/user-menu";
import { EarlyOfflineScript } from "@/components/pwa/early-offline-script";
import { LowDataControl } from "@/components/pwa/low-data-control";
import { OfflineSupport } from "@/components/pwa/offline-support";
import { NAV_ITEMS, phoneTabs } from "@/config/nav";
import { can } from "@/lib/auth/permissions";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getFreshness } from "@/lib/freshness/get-freshness";
import { unreadCount } from "@/lib/notifications/inbox";
import { getLowDataChoice, isLowData } from "@/lib/pwa/low-data";
import { snapshotMetadata } from "@/lib/pwa/snapshot-scope";
import { getConnectionStatus, getStoreName } from "@/lib/store/store-info";
import { signOutAction } from "./actions";
import { FreshnessClient, StaleBannerClient } from "./freshness-client";

/** Whose offline copy each page is (docs/offline.md): read by the service worker, not by people. */
export async function generateMetadata(): Promise<Metadata> {
  return snapshotMetadata();
}

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const navItems = NAV_ITEMS.filter((item) => can(member.role, item.permission));
  const [storeName, connection] = [await getStoreName(), getConnectionStatus()];
  const [lowDataChoice, unread] = await Promise.all([getLowDataChoice(await getDb(), member.id), unreadCount(await getDb(), member.id)]);
  const lowData = isLowData(lowDataChoice, (await headers()).get("save-data"));
  // The slot must never take a page down: without a status it says "not updated yet" and polls.
  const freshness = await getFreshness(await getDb()).catch((error: unknown) => {
    console.error("[freshness] could not read the sync status", error);
    return null;
  });
  return (
    <AppShell
      navItems={navItems}
      phoneTabs={phoneTabs(navItems)}
      brand={<StoreBrand storeName={storeName} />}
      sidebarFooter={
        <>
          <UserMenu user={{ email: member.email, name: member.name, role: member.role }} signOutAction={signOutAction} />
          <div className="flex flex-wrap gap-2">
            <LanguageSwitch />
            <ThemeSwitch icons={THEME_ICONS} />
          </div>
          <LowDataControl id="menu-low-data" current={lowDataChoice} returnTo="/overview" />
        </>
      }
      topbar={
        <>
          {connection.mode === "demo" ? <DemoBadge /> : null}
          <NotificationsLink unread={unread} />
          <FreshnessClient initial={freshness} canSync={can(member.role, "settings:manage")} detailsHref={can(member.role, "settings:read") ? "/settings" : undefined} />
        </>
      }
      notice={
        <>
          <EarlyOfflineScript />
          <Suspense fallback={null}>
            <OfflineSupport keepVisitedPages={!lowData} />
          </Suspense>
          <StaleBannerClient initial={freshness} />
        </>
      }
    >
      {children}
    </AppShell>
  );
}
