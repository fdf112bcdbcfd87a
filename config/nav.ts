// The sidebar: one entry per page of DESIGN §3, each with the permission that opens it. The layout
// filters this list with `can(role, permission)` — the same check the page and its API make.
import type { Permission } from "@/lib/auth/permissions";

export const NAV_KEYS = ["overview", "sales", "revenue", "settlements", "recovery", "orders", "downloads", "licences", "affiliates", "team", "settings"] as const;
export type NavKey = (typeof NAV_KEYS)[number];

export type NavItem = { key: NavKey; href: `/${string}`; permission: Permission };

export const NAV_ITEMS: readonly NavItem[] = [
  { key: "overview", href: "/overview", permission: "analytics:read" },
  { key: "sales", href: "/sales", permission: "sales:read" },
  { key: "revenue", href: "/revenue", permission: "analytics:read" },
  { key: "settlements", href: "/settlements", permission: "settlements:read" },
  { key: "recovery", href: "/recovery", permission: "recovery:read" },
  { key: "orders", href: "/orders", permission: "fulfilment:read" },
  { key: "downloads", href: "/downloads", permission: "fulfilment:read" },
  { key: "licences", href: "/licences", permission: "fulfilment:read" },
  { key: "affiliates", href: "/affiliates", permission: "affiliates:read" },
  { key: "team", href: "/team", permission: "team:read" },
  { key: "settings", href: "/settings", permission: "settings:read" },
];
