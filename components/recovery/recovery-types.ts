// Plain data handed from the Recovery page to its components (they put it in words themselves).
import type { FailureCategory } from "@/lib/recovery/failure-category";
import type { LeadContactChannel, LeadReason, LeadState } from "@/lib/recovery/lead-states";

/** A contact link built on the server: the wa.me chat or the mailto: with the prefilled message. */
export interface LeadContactHref {
  channel: LeadContactChannel;
  href: string;
}

export interface LeadRowView {
  saleId: string;
  customerName: string | null;
  customerEmail: string | null;
  productName: string | null;
  /** Minor units of `currency`; null when Chariow gave no amount. */
  amount: number | null;
  currency: string | null;
  /** Why it is a lead: the payment failed, or the cart was abandoned. */
  reason: LeadReason;
  category: FailureCategory;
  /** When it failed or was abandoned (ISO instant); null when unknown. */
  at: string | null;
  state: LeadState;
  recovered: { saleId: string; amount: number | null; currency: string | null; paidAt: string } | null;
  /** Which rule recovered it, when known: the exact payment link sent, or the same customer within the window. */
  recoveredBy?: "link" | "window" | null;
  /** Who follows it up (a member's name or e-mail); null when nobody. */
  assigneeName: string | null;
  /**
   * The row's one-tap contact, ready in the HTML: WhatsApp when the phone makes a wa.me link, else e-mail;
   * "none" when neither is known; null when the lead is closed (recovered, won, lost): nothing to chase.
   */
  contact: LeadContactHref | "none" | null;
}

export interface LeadDetailView extends LeadRowView {
  status: string;
  failureCode: string | null;
  channel: string | null;
  paymentMethod: string | null;
  note: string | null;
  assignedTo: string | null;
  contactedAt: string | null;
  /** The first contact from a contact button (audit log): how and by whom. */
  firstContact: { channel: LeadContactChannel | null; actorEmail: string | null } | null;
  /** The panel's contacts, in `messageLanguage`. */
  contacts: LeadPanelContacts;
}

export interface LeadPanelContacts {
  messageLanguage: "fr" | "en";
  /** The wa.me link, or why none (no number, local number without country…: lib/recovery/phone.ts). */
  whatsapp: { href: string } | { refused: string };
  mailto: string | null;
  /** The recovery link in the message; null when none is known (the panel says why). */
  checkoutUrl: string | null;
}

export interface MemberOption {
  id: string;
  label: string;
}
