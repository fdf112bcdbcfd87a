// The recovery worklist over the mirror: failed and abandoned sales of a range of local days, each with
// its failure category, its worked state, and — computed on read — the later payment that recovered it.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { paymentMethodShown } from "@/lib/mirror";
import { addDays, today } from "@/lib/time";
import type { AttributionSale, RecoveryRule } from "./attribution";
import { getRecoveryWindowDays } from "./attribution-window";
import { failureCategory, type FailureCategory } from "./failure-category";
import { findRecoveries } from "./find-recoveries";
import type { LeadState } from "./lead-states";

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
  /** Which rule recovered it (attribution.ts): its exact recovery link, or the time window; null when not recovered. */
  recoveredBy: RecoveryRule | null;
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

/** Failed and abandoned sales of a range of local days (or one sale) with their worked state; `openOnly`: not won or lost. */
function leadsQuery(db: Kysely<Database>, scope: LeadRange | { saleId: string }, opts: { openOnly?: boolean } = {}) {
  let query = db
    .selectFrom("sales as s")
    .leftJoin("recovery_leads as r", "r.sale_id", "s.id")
    .select([
      "s.id", "s.status", "s.created_at", "s.failed_at", "s.abandoned_at", "s.local_day", "s.customer_id", "s.customer_email", "s.customer_name",
      "s.product_id", "s.product_name", "s.currency", "s.amount", "s.original_amount", "s.channel", "s.payment_method_id", "s.payment_method_name", "s.failure_code",
      "s.failure_message", "s.checkout_url", "r.state", "r.note", "r.assigned_to", "r.contacted_at",
    ])
    .where("s.status", "in", LEAD_STATUSES);
  query = "saleId" in scope ? query.where("s.id", "=", scope.saleId) : query.where("s.local_day", ">=", scope.from).where("s.local_day", "<=", scope.to);
  // A lead without a row in recovery_leads is open; won and lost are closed by hand.
  if (opts.openOnly) query = query.where((eb) => eb.or([eb("r.state", "is", null), eb("r.state", "not in", ["won", "lost"])]));
  return query;
}

type LeadRow = Awaited<ReturnType<ReturnType<typeof leadsQuery>["execute"]>>[number];

function toLead(r: LeadRow): Lead {
  return {
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
    recoveredBy: null,
  };
}

/** Fills in `recovered` (find-recoveries.ts, the one attribution rule) for these leads. */
async function attribute(db: Kysely<Database>, leads: Lead[], windowDays: number): Promise<Lead[]> {
  const withTime = leads.filter((l) => l.at !== "");
  const matches = await findRecoveries(db, withTime.map(toAttribution), windowDays);
  for (const l of leads) {
    const p = matches.get(l.saleId);
    if (p) {
      l.recovered = { saleId: p.id, amount: p.amount, currency: p.currency, paidAt: p.at };
      l.recoveredBy = p.by;
    }
  }
  return leads;
}

/**
 * Every lead created in `range` (local days), newest first, with recovery attributed within the window
 * (default: the owners' setting, attribution-window.ts).
 */
export async function listLeads(db: Kysely<Database>, range: LeadRange, opts: { windowDays?: number } = {}): Promise<Lead[]> {
  const rows = await leadsQuery(db, range).orderBy("s.created_at", "desc").orderBy("s.id").execute();
  return attribute(db, rows.map(toLead), opts.windowDays ?? (await getRecoveryWindowDays(db)));
}

/** One lead by its sale id (whatever its day), attributed; null when the sale is not failed or abandoned. */
export async function getLead(db: Kysely<Database>, saleId: string, opts: { windowDays?: number } = {}): Promise<Lead | null> {
  const row = await leadsQuery(db, { saleId }).executeTakeFirst();
  if (!row) return null;
  const [lead] = await attribute(db, [toLead(row)], opts.windowDays ?? (await getRecoveryWindowDays(db)));
  return lead;
}

/** What the worklist page can be sorted by (the table's `sort` key): when it failed, or its amount. */
export const LEAD_SORT_COLUMNS = ["at", "amount"] as const;
export type LeadSortColumn = (typeof LEAD_SORT_COLUMNS)[number];

export type LeadPageQuery = { include: "open" | "all"; sort: { column: LeadSortColumn; dir: "asc" | "desc" }; page: number; size: number; windowDays?: number };

/**
 * One page of the worklist (the Recovery page: 25 leads), sorted in SQL by when the lead failed or was
 * abandoned (or by amount), the sale id breaking ties. `all`: LIMIT size + 1 / OFFSET in SQL. `open`: the
 * SQL leaves out won and lost leads; a lead recovered by a later payment is only known once the
 * attribution has run (computed on read, docs/recovery.md), so the ordered rows are read in batches
 * (LIMIT/OFFSET) and attributed until the page and one more lead are found — one batch for the first
 * pages, and the rule stays in one place (find-recoveries.ts).
 */
export async function listLeadPage(db: Kysely<Database>, range: LeadRange, q: LeadPageQuery): Promise<{ rows: Lead[]; hasMore: boolean }> {
  const windowDays = q.windowDays ?? (await getRecoveryWindowDays(db));
  const at = sql`coalesce(s.failed_at, s.abandoned_at, s.created_at, '')`;
  const ordered = (openOnly: boolean) => {
    const query = leadsQuery(db, range, { openOnly });
    return (q.sort.column === "amount" ? query.orderBy(sql`coalesce(s.amount, s.original_amount, 0)`, q.sort.dir).orderBy(at, "desc") : query.orderBy(at, q.sort.dir)).orderBy("s.id");
  };
  const skip = (q.page - 1) * q.size;
  if (q.include === "all") {
    const rows = await ordered(false).limit(q.size + 1).offset(skip).execute();
    return { rows: await attribute(db, rows.slice(0, q.size).map(toLead), windowDays), hasMore: rows.length > q.size };
  }
  const wanted = skip + q.size + 1;
  const batch = Math.max(wanted, LEAD_BATCH);
  const open: Lead[] = [];
  for (let offset = 0; open.length < wanted; offset += batch) {
    const rows = await ordered(true).limit(batch).offset(offset).execute();
    open.push(...(await attribute(db, rows.map(toLead), windowDays)).filter(isOpenLead));
    if (rows.length < batch) break;
  }
  return { rows: open.slice(skip, skip + q.size), hasMore: open.length > skip + q.size };
}

/** Rows read per batch when recovered leads must be skipped: a few pages' worth, one attribution query. */
const LEAD_BATCH = 100;

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
