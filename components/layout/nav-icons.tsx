// Icons for the sidebar entries, keyed like config/nav.ts (icons are components, so they stay client-side).
import {
  BadgeDollarSign,
  Download,
  Handshake,
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
import type { NavKey } from "@/config/nav";

export const NAV_ICONS: Record<NavKey, LucideIcon> = {
  overview: LayoutDashboard,
  sales: ShoppingCart,
  revenue: BadgeDollarSign,
  settlements: Wallet,
  recovery: LifeBuoy,
  orders: Truck,
  downloads: Download,
  licences: KeyRound,
  affiliates: Handshake,
  team: Users,
  settings: Settings,
};
