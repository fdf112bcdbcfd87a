// The Recovery page's leads as its components take them (components/recovery/recovery-types.ts): the
// reason from the sale's status, the assignee's name, and the contact links built on the server — the
// row's one-tap WhatsApp (else e-mail) only while the lead is still to follow up.
import type { LeadContactHref, LeadDetailView, LeadRowView } from "@/components/recovery/recovery-types";
import { isOpenLead, type Lead, type LeadMessage } from "@/lib/recovery";

/** The row's one-tap contact: WhatsApp when the phone makes a wa.me link, else e-mail, else none. */
export function rowContact(message: LeadMessage | undefined | null): LeadContactHref | "none" {
  if (message?.whatsapp.ok) return { channel: "whatsapp", href: message.whatsapp.url };
  if (message?.mailto) return { channel: "email", href: message.mailto };
  return "none";
}

/** `assignees`: member id → name; a removed member's id reads `unknownMember`. */
export function rowView(l: Lead, assignees: ReadonlyMap<string, string>, unknownMember: string, message: LeadMessage | undefined | null): LeadRowView {
  return {
    saleId: l.saleId,
    customerName: l.customerName,
    customerEmail: l.customerEmail,
    productName: l.productName,
    amount: l.amount,
    currency: l.currency,
    reason: l.status === "abandoned" ? "abandoned" : "failed",
    category: l.category,
    at: l.at || null,
    state: l.state,
    recovered: l.recovered,
    recoveredBy: l.recoveredBy,
    assigneeName: l.assignedTo ? (assignees.get(l.assignedTo) ?? unknownMember) : null,
    // A closed lead (recovered, won, lost) has nothing to chase: no button.
    contact: isOpenLead(l) ? rowContact(message) : null,
  };
}

export function detailView(
  l: Lead,
  assignees: ReadonlyMap<string, string>,
  unknownMember: string,
  panel: { message: LeadMessage | null; messageLanguage: "fr" | "en"; firstContact: { channel: "whatsapp" | "email" | null; actorEmail: string | null } | null },
): LeadDetailView {
  const { message } = panel;
  return {
    ...rowView(l, assignees, unknownMember, message),
    status: l.status,
    failureCode: l.failureCode,
    channel: l.channel,
    paymentMethod: l.paymentMethod,
    note: l.note,
    assignedTo: l.assignedTo,
    contactedAt: l.contactedAt,
    firstContact: panel.firstContact ? { channel: panel.firstContact.channel, actorEmail: panel.firstContact.actorEmail } : null,
    contacts: {
      messageLanguage: panel.messageLanguage,
      whatsapp: message?.whatsapp.ok ? { href: message.whatsapp.url } : { refused: message && !message.whatsapp.ok ? message.whatsapp.reason : "missing" },
      mailto: message?.mailto ?? null,
      checkoutUrl: message?.checkoutUrl ?? null,
    },
  };
}

