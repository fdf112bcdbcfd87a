// The recovery worklist over the mirror: failed and abandoned sales of a range of local days, each with
// its failure category, its worked state, and — computed on read — the later payment that recovered it.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { addDays, today } from "@/lib/time";
import { attributeRecoveries, DEFAULT_RECOVERY_WINDOW_DAYS, type AttributionSale } from "./attribution";
import { failureCategory, type FailureCategory } from "./failure-category";
import type { LeadState } from "./schemas";

const LEAD_STATUSES = ["failed", "abandoned"] as const;
const PAID = ["completed", "settled"] as const;
const CHUNK = 200;

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

/** Every lead created in `range` (local days), newest first, with recovery attributed. */
export async function listLeads(db: Kysely<Database>, range: LeadRange, opts: { windowDays?: number } = {}): Promise<Lead[]> {
  const rows = await db
    .selectFrom("sales as s")
    .leftJoin("recovery_leads as r", "r.sale_id", "s.id")
    .select([
      "s.id", "s.status", "s.created_at", "s.failed_at", "s.abandoned_at", "s.local_day", "s.customer_id", "s.customer_email", "s.customer_name",
      "s.product_id", "s.product_name", "s.currency", "s.amount", "s.original_amount", "s.channel", "s.payment_method_name", "s.failure_code",
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
    paymentMethod: r.payment_method_name,
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
  const matches = await findRecoveries(db, withTime.map(toAttribution), opts.windowDays ?? DEFAULT_RECOVERY_WINDOW_DAYS);
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

type Payment = AttributionSale & { amount: number | null; currency: string | null };

/**
 * Candidate payments of the leads' customers and products, read in chunks (bound-parameter limits)
 * through the sales (customer_id, created_at) index: a lead without a customer id is looked up by e-mail
 * in `customers` (indexed) first, so no query scans a product's whole history. A payment without any
 * customer id cannot be attributed (Chariow sales carry one; docs/recovery.md).
 */
async function findRecoveries(db: Kysely<Database>, leads: AttributionSale[], windowDays: number): Promise<Map<string, Payment>> {
  const out = new Map<string, Payment>();
  for (let i = 0; i < leads.length; i += CHUNK) {
    const chunk = leads.slice(i, i + CHUNK);
    const products = [...new Set(chunk.map((l) => l.productId).filter((x): x is string => !!x))];
    const ids = new Set(chunk.map((l) => l.customerId).filter((x): x is string => !!x));
    const emails = [...new Set(chunk.filter((l) => !l.customerId).map((l) => l.customerEmail?.toLowerCase()).filter((x): x is string => !!x))];
    if (emails.length > 0) {
      for (const c of await db.selectFrom("customers").select("id").where("email", "in", emails).execute()) ids.add(c.id);
    }
    if (products.length === 0 || ids.size === 0) continue;
    const earliest = chunk.reduce((min, l) => (l.at < min ? l.at : min), chunk[0].at);
    const rows = await db
      .selectFrom("sales")
      .select(["id", "customer_id", "customer_email", "product_id", "completed_at", "created_at", "amount", "currency"])
      .where("customer_id", "in", [...ids])
      .where("status", "in", PAID)
      .where("product_id", "in", products)
      .where((eb) => eb.or([eb("completed_at", ">", earliest), eb.and([eb("completed_at", "is", null), eb("created_at", ">", earliest)])]))
      .execute();
    const payments: Payment[] = rows
      .map((r) => ({ id: r.id, customerId: r.customer_id, customerEmail: r.customer_email, productId: r.product_id, at: r.completed_at ?? r.created_at ?? "", amount: r.amount, currency: r.currency }))
      .filter((p) => p.at !== "");
    for (const [k, v] of attributeRecoveries(chunk, payments, windowDays)) out.set(k, v);
  }
  return out;
}
