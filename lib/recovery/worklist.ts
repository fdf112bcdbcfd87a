// The recovery worklist over the mirror: failed and abandoned sales of a range of local days, each with
// its failure category, its worked state, and — computed on read — the later payment that recovered it.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { paymentMethodShown } from "@/lib/mirror";
import { addDays, today } from "@/lib/time";
import type { AttributionSale } from "./attribution";
import { getRecoveryWindowDays } from "./attribution-window";
import { failureCategory, type FailureCategory } from "./failure-category";
import { findRecoveries } from "./find-recoveries";
import type { LeadState } from "./schemas";

const LEAD_STATUSES = ["failed", "abandoned"] as const;

export interface Lead {
  saleId: string;
  status: string;
  at: string;
  localDay: string | null;
  customerId: string | null;
  customerEmail: string | null;
  customerName: string | null;
  productId: string | null;
  productName: string | null;
  currency: string | null;
  amount: number | null;
  channel: string | null;
  paymentMethod: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  category: FailureCategory;
  checkoutUrl: string | null;
  state: LeadState;
  note: string | null;
  assignedTo: string | null;
  contactedAt: string | null;
  recovered: { saleId: string; amount: number | null; currency: string | null; paidAt: string } | null;
}

export interface LeadRange {
  from: string;
  to: string;
}

/** The last `days` local days up to today (the worklist's default: 30). */
export function defaultLeadRange(timeZone: string, now: Date = new Date(), days = 30): LeadRange {
  const to = today(timeZone, now);
  return { from: addDays(to, -(days - 1)), to };
}

/**
 * Every lead created in `range` (local days), newest first, with recovery attributed within the window
 * (default: the owners' setting, attribution-window.ts).
 */
export async function listLeads(db: Kysely<Database>, range: LeadRange, opts: { windowDays?: number } = {}): Promise<Lead[]> {
  const rows = await db
    .selectFrom("sales as s")
    .leftJoin("recovery_leads as r", "r.sale_id", "s.id")
    .select([
      "s.id", "s.status", "s.created_at", "s.failed_at", "s.abandoned_at", "s.local_day", "s.customer_id", "s.customer_email", "s.customer_name",
      "s.product_id", "s.product_name", "s.currency", "s.amount", "s.original_amount", "s.channel", "s.payment_method_id", "s.payment_method_name", "s.failure_code",
      "s.failure_message", "s.checkout_url", "r.state", "r.note", "r.assigned_to", "r.contacted_at",
    ])
    .where("s.status", "in", LEAD_STATUSES)
    .where("s.local_day", ">=", range.from)
    .where("s.local_day", "<=", range.to)
    .orderBy("s.created_at", "desc")
    .orderBy("s.id")
    .execute();
  const leads: Lead[] = rows.map((r) => ({
    saleId: r.id,
    status: r.status,
    at: r.failed_at ?? r.abandoned_at ?? r.created_at ?? "",
    localDay: r.local_day,
    customerId: r.customer_id,
    customerEmail: r.customer_email,
    customerName: r.customer_name,
    productId: r.product_id,
    productName: r.product_name,
    currency: r.currency,
    amount: r.amount ?? r.original_amount,
    channel: r.channel,
    paymentMethod: paymentMethodShown(r),
    failureCode: r.failure_code,
    failureMessage: r.failure_message,
    category: failureCategory(r.status, r.failure_code, r.failure_message),
    checkoutUrl: r.checkout_url,
    state: (r.state as LeadState | null) ?? "open",
    note: r.note,
    assignedTo: r.assigned_to,
    contactedAt: r.contacted_at,
    recovered: null,
  }));
  const withTime = leads.filter((l) => l.at !== "");
  const matches = await findRecoveries(db, withTime.map(toAttribution), opts.windowDays ?? (await getRecoveryWindowDays(db)));
  for (const l of leads) {
    const p = matches.get(l.saleId);
    if (p) l.recovered = { saleId: p.id, amount: p.amount, currency: p.currency, paidAt: p.at };
  }
  return leads;
}

/** Still to work: not recovered by a payment and not closed by hand (won / lost). */
export function isOpenLead(l: Lead): boolean {
  return l.recovered === null && l.state !== "won" && l.state !== "lost";
}

/** Whole days since the lead failed or was abandoned. */
export function leadAgeDays(l: Pick<Lead, "at">, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(l.at)) / 86_400_000));
}

function toAttribution(l: Lead): AttributionSale {
  return { id: l.saleId, customerId: l.customerId, customerEmail: l.customerEmail, productId: l.productId, at: l.at };
}
