// The navigation: one entry per page of DESIGN §3, each with the permission that opens it. The layout
// filters this list with `can(role, permission)` — the same check the page and its API make — and hands
// it to the sidebar (desktop) / "More" sheet (phone) and to the phone's bottom bar (phoneTabs below).
import type { Permission } from "@/lib/auth/permissions";

export const NAV_KEYS = ["overview", "sales", "revenue", "payments", "cases", "settlements", "recovery", "orders", "downloads", "licences", "affiliates", "team", "settings"] as const;
export type NavKey = (typeof NAV_KEYS)[number];

export type NavItem = { key: NavKey; href: `/${string}`; permission: Permission };

export const NAV_ITEMS: readonly NavItem[] = [
  { key: "overview", href: "/overview", permission: "analytics:read" },
  { key: "sales", href: "/sales", permission: "sales:read" },
  { key: "revenue", href: "/revenue", permission: "analytics:read" },
  { key: "payments", href: "/payments", permission: "analytics:read" },
  { key: "cases", href: "/payments/cases", permission: "cases:read" },
  { key: "settlements", href: "/settlements", permission: "settlements:read" },
  { key: "recovery", href: "/recovery", permission: "recovery:read" },
  { key: "orders", href: "/orders", permission: "fulfilment:read" },
  { key: "downloads", href: "/downloads", permission: "fulfilment:read" },
  { key: "licences", href: "/licences", permission: "fulfilment:read" },
  { key: "affiliates", href: "/affiliates", permission: "affiliates:read" },
  { key: "team", href: "/team", permission: "team:read" },
  { key: "settings", href: "/settings", permission: "settings:read" },
];

/**
 * The sections a phone's bottom bar may hold, most used first: a merchant checks the overview, sales,
 * payouts and recovery daily. A role without some of them (support has no overview nor payouts) gets the
 * next ones it may open, so its bar is full too. Only sections with a short label (`nav.short.*`) fit
 * a fifth of a 360 px screen; every other section is one tap away in "More".
 */
export const PHONE_TAB_KEYS = ["overview", "sales", "settlements", "recovery", "orders", "licences", "affiliates"] as const satisfies readonly NavKey[];
export type PhoneTabKey = (typeof PHONE_TAB_KEYS)[number];
export const PHONE_TAB_COUNT = 4;

export type PhoneTab = NavItem & { key: PhoneTabKey };

/** The bottom bar's sections among the items a role may open (already filtered), in PHONE_TAB_KEYS order. */
export function phoneTabs(allowed: readonly NavItem[]): PhoneTab[] {
  const tabs: PhoneTab[] = [];
  for (const key of PHONE_TAB_KEYS) {
    const item = allowed.find((i) => i.key === key);
    if (item) tabs.push({ ...item, key });
    if (tabs.length === PHONE_TAB_COUNT) break;
  }
  return tabs;
}

/** Is `pathname` this section or one of its pages (/sales/abc is Sales)? Marks the link aria-current. */
export function isCurrentSection(pathname: string | null, href: string): boolean {
  if (pathname === null) return false;
  // Payment cases live under /payments but are their own section (every role opens them; the view is analytics).
  if (href === "/payments" && (pathname === "/payments/cases" || pathname.startsWith("/payments/cases/"))) return false;
  return pathname === href || pathname.startsWith(`${href}/`);
}
