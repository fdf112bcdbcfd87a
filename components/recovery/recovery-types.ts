// Plain data handed from the Recovery page to its components (they put it in words themselves).
import type { FailureCategory } from "@/lib/recovery/failure-category";
import type { LeadState } from "@/lib/recovery/lead-states";

export interface LeadRowView {
  saleId: string;
  customerName: string | null;
  customerEmail: string | null;
  productName: string | null;
  /** Minor units of `currency`; null when Chariow gave no amount. */
  amount: number | null;
  currency: string | null;
  category: FailureCategory;
  /** When it failed or was abandoned (ISO instant); null when unknown. */
  at: string | null;
  /** Whole days since then (computed once, on the server). */
  ageDays: number | null;
  state: LeadState;
  recovered: { saleId: string; amount: number | null; currency: string | null; paidAt: string } | null;
}

export interface LeadDetailView extends LeadRowView {
  status: string;
  failureCode: string | null;
  channel: string | null;
  paymentMethod: string | null;
  note: string | null;
  assignedTo: string | null;
  contactedAt: string | null;
  /** False when no link can exist (no Pulse link and no product): the panel says so instead of a button. */
  hasLink: boolean;
  hasEmail: boolean;
}

export interface MemberOption {
  id: string;
  label: string;
}
