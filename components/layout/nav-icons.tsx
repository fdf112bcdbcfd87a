// Icons for the sidebar entries, keyed like config/nav.ts. The shell (a server component) renders them and
// hands the elements to the client navigation, so no icon code reaches the browser's JavaScript.
import {
  BadgeDollarSign,
  Download,
  Handshake,
  Menu,
  CreditCard,
  FileWarning,
  KeyRound,
  LayoutDashboard,
  LifeBuoy,
  Truck,
  type LucideIcon,
  Settings,
  ShoppingCart,
  Users,
  Wallet,
} from "lucide-react";
import type { ReactNode } from "react";
import { NAV_KEYS, type NavKey } from "@/config/nav";

export const NAV_ICONS: Record<NavKey, LucideIcon> = {
  overview: LayoutDashboard,
  sales: ShoppingCart,
  revenue: BadgeDollarSign,
  payments: CreditCard,
  cases: FileWarning,
  settlements: Wallet,
  recovery: LifeBuoy,
  orders: Truck,
  downloads: Download,
  licences: KeyRound,
  affiliates: Handshake,
  team: Users,
  settings: Settings,
};

/** Each section's icon as an element (decorative), for the client navigation to place. */
export function navIconElements(className: string): Record<NavKey, ReactNode> {
  return Object.fromEntries(NAV_KEYS.map((key) => {
    const Icon = NAV_ICONS[key];
    return [key, <Icon key={key} aria-hidden className={className} />];
  })) as Record<NavKey, ReactNode>;
}

export function moreIconElement(className: string): ReactNode {
  return <Menu aria-hidden className={className} />;
}
