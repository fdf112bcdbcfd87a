// The recovery worklist over the mirror: failed and abandoned sales of a range of local days, each with
// its failure category, its worked state, and — computed on read — the later payment that recovered it.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { engineOfDb, inTextList } from "@/lib/db/engine-sql";
import { paymentMethodShown } from "@/lib/mirror";
import { addDays, today } from "@/lib/time";
import { attributeRecoveries, type AttributionSale, type RecoveryRule } from "./attribution";
import { getRecoveryWindowDays } from "./attribution-window";
import { failureCategory, type FailureCategory } from "./failure-category";
import { findRecoveries, PAID_STATUSES, paidAt, toPayment, type RecoveringPayment } from "./find-recoveries";
import { UNASSIGNED, type LeadReason, type LeadState, type LeadStatusFilter } from "./lead-states";

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

/** What the inbox's filters need besides the days (lead-page.ts): see LeadStatusFilter for `status`. */
export interface LeadFilters {
  reason?: LeadReason;
  status: LeadStatusFilter;
  channel?: string;
  /** A member's id, or UNASSIGNED. */
  assignee?: string;
}

/**
 * Every failed or abandoned sale with its worked state (a lead's columns). `fromLeadIndex`: on SQLite, read
 * the sales through migration 0024's covering lead index — a subquery with INDEXED BY, which SQLite
 * flattens keeping the hint — because its planner (no statistics) prefers (status, created_at) and a
 * read of each lead's row; what is selected then must be in that index (the inbox's page of ids).
 */
function baseLeads(db: Kysely<Database>, fromLeadIndex = false) {
  // Typed as the table itself: the subquery is `select *` of it (kysely takes the aliased raw SQL as a source).
  const source = fromLeadIndex && engineOfDb(db) === "sqlite"
    ? (sql`(select * from sales indexed by sales_lead_range_idx where status in ('failed', 'abandoned'))`.as("s") as unknown as "sales as s")
    : "sales as s";
  return db
    .selectFrom(source)
    .leftJoin("recovery_leads as r", "r.sale_id", "s.id")
    .select([
      "s.id", "s.status", "s.created_at", "s.failed_at", "s.abandoned_at", "s.local_day", "s.customer_id", "s.customer_email", "s.customer_name",
      "s.product_id", "s.product_name", "s.currency", "s.amount", "s.original_amount", "s.channel", "s.payment_method_id", "s.payment_method_name", "s.failure_code",
      "s.failure_message", "s.checkout_url", "r.state", "r.note", "r.assigned_to", "r.contacted_at",
    ])
    .where("s.status", "in", LEAD_STATUSES);
}

/**
 * Failed and abandoned sales of a range of local days (or one sale) with their worked state. `filters`
 * narrows them in SQL; a status other than `all` needs `recovered` — the ids of the range's leads that a
 * later payment recovered, which only the attribution on read knows (docs/recovery.md) — passed as one
 * bound parameter (inTextList), so the page and the counts stay one SQL query each.
 */
export function leadsQuery(db: Kysely<Database>, scope: LeadRange | { saleId: string }, opts: { filters?: LeadFilters; recovered?: ReadonlySet<string>; fromLeadIndex?: boolean } = {}) {
  let query = baseLeads(db, opts.fromLeadIndex);
  query = "saleId" in scope ? query.where("s.id", "=", scope.saleId) : inLocalDays(query, scope);
  const f = opts.filters;
  if (!f) return query;
  if (f.reason) query = query.where("s.status", "=", f.reason);
  if (f.channel) query = query.where("s.channel", "=", f.channel);
  if (f.assignee) query = f.assignee === UNASSIGNED ? query.where("r.assigned_to", "is", null) : query.where("r.assigned_to", "=", f.assignee);
  // A lead without a row in recovery_leads is open; won and lost are closed by hand.
  if (f.status === "todo") query = query.where((eb) => eb.or([eb("r.state", "is", null), eb("r.state", "not in", ["won", "lost"])]));
  else if (f.status === "open") query = query.where((eb) => eb.or([eb("r.state", "is", null), eb("r.state", "=", "open")]));
  else if (f.status !== "recovered" && f.status !== "all") query = query.where("r.state", "=", f.status);
  if (f.status === "all") return query;
  if (!opts.recovered) throw new Error("leadsQuery: a status filter needs the range's recovered leads");
  const recovered = inTextList(engineOfDb(db), "s.id", [...opts.recovered]);
  return query.where(f.status === "recovered" ? recovered : sql<boolean>`not (${recovered})`);
}

/** These leads by their sale ids (read by key), in no particular order. */
export function leadsByIds(db: Kysely<Database>, ids: readonly string[]) {
  return baseLeads(db).where("s.id", "in", [...ids]).execute();
}

/**
 * The leads of a range of local days. `local_day` is the creation instant's day in the store's zone, and
 * a zone is at most 14 hours from UTC, so those sales were created between the day before `from` and the
 * day after `to` in UTC: the same bounds on created_at, which the (status, created_at) index answers,
 * keep the read to the range instead of every failed or abandoned sale ever — the local_day test stays,
 * so the rows are exactly the range's.
 */
function inLocalDays<Q extends ReturnType<typeof baseLeads>>(query: Q, range: LeadRange): Q {
  return query
    .where("s.created_at", ">=", `${addDays(range.from, -1)}T00:00:00.000Z`)
    .where("s.created_at", "<", `${addDays(range.to, 2)}T00:00:00.000Z`)
    .where("s.local_day", ">=", range.from)
    .where("s.local_day", "<=", range.to) as Q;
}

type LeadRow = Awaited<ReturnType<ReturnType<typeof leadsQuery>["execute"]>>[number];

export function toLead(r: LeadRow): Lead {
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
export async function attribute(db: Kysely<Database>, leads: Lead[], windowDays: number): Promise<Lead[]> {
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
 *
 * Set-based (issue 17): the range's leads are read once, each joined to its customer's paid sales of its
 * product (migration 0021's index: one seek per lead), and the exact links naming them in one more query;
 * the same rules (attributeRecoveries) then pick each lead's payment. The join only narrows the candidates
 * — paid after the range's first day minus a margin, compared as text — and the rules decide on the
 * parsed times, so a lead timed before that margin, or known only by e-mail, is attributed the per-chunk
 * way (findRecoveries) instead: the figures are the same either way.
 */
export async function listLeads(db: Kysely<Database>, range: LeadRange, opts: { windowDays?: number } = {}): Promise<Lead[]> {
  const windowDays = opts.windowDays ?? (await getRecoveryWindowDays(db));
  // inLocalDays reads from the day before `from`; two more days cover any timestamp offset written as text.
  const after = `${addDays(range.from, -3)}T00:00:00.000Z`;
  const [rows, linked] = await Promise.all([
    leadsQuery(db, range)
      .leftJoin("sales as p", (join) =>
        join
          .onRef("p.customer_id", "=", "s.customer_id")
          .onRef("p.product_id", "=", "s.product_id")
          .on("p.status", "in", PAID_STATUSES)
          .on(paidAt("p"), ">", after),
      )
      .select([
        "p.id as p_id", "p.customer_id as p_customer_id", "p.customer_email as p_customer_email", "p.product_id as p_product_id", "p.completed_at as p_completed_at",
        "p.created_at as p_created_at", "p.amount as p_amount", "p.currency as p_currency", "p.recovery_lead_id as p_recovery_lead_id",
      ])
      // SQLite: `+` so the rows come through (status, created_at) — the range's leads only — and are then
      // sorted, rather than walking every sale of those days through (created_at, id) for its order.
      .orderBy(engineOfDb(db) === "sqlite" ? sql`+s.created_at` : sql`s.created_at`, "desc")
      .orderBy("s.id")
      .execute(),
    linkedPayments(db, range),
  ]);
  // Each lead's candidates: the paid sales naming it (its link) and those the join found for it.
  const leads: Lead[] = [];
  const candidates = new Map<string, RecoveringPayment[]>();
  for (const p of linked) candidates.set(p.recoveryLeadId!, [...(candidates.get(p.recoveryLeadId!) ?? []), p]);
  for (const r of rows) {
    if (leads.at(-1)?.saleId !== r.id) leads.push(toLead(r));
    if (!r.p_id) continue;
    const p = toPayment({
      id: r.p_id, customer_id: r.p_customer_id, customer_email: r.p_customer_email, product_id: r.p_product_id, completed_at: r.p_completed_at,
      created_at: r.p_created_at, amount: r.p_amount, currency: r.p_currency, recovery_lead_id: r.p_recovery_lead_id,
    });
    if (p.at !== "") candidates.set(r.id, [...(candidates.get(r.id) ?? []), p]);
  }
  const joined = (l: Lead) => l.customerId !== null && l.at !== "" && l.at >= after;
  const others = leads.filter((l) => !joined(l));
  if (others.length > 0) await attribute(db, others, windowDays);
  // The rules per lead, over its own few candidates (a lead with a customer id is matched by that id, so
  // no other lead's payments could recover it).
  for (const l of leads) {
    const own = joined(l) ? candidates.get(l.saleId) : undefined;
    const p = own ? attributeRecoveries([toAttribution(l)], own, windowDays).get(l.saleId) : undefined;
    if (p) {
      l.recovered = { saleId: p.id, amount: p.amount, currency: p.currency, paidAt: p.at };
      l.recoveredBy = p.by;
    }
  }
  return leads;
}

/**
 * The paid sales naming a lead of the range (exact links), read from the partial recovery_lead_id index
 * (links are few) with the lead by its key. SQLite has no statistics (the app never runs ANALYZE): every
 * other condition is written `+column` so its planner does not walk all paid or failed sales through
 * (status, id) (migration 0018) instead.
 */
async function linkedPayments(db: Kysely<Database>, range: LeadRange): Promise<RecoveringPayment[]> {
  const sqlite = engineOfDb(db) === "sqlite";
  const col = (ref: "p.status" | "s.status" | "s.local_day") => (sqlite ? sql<string>`+${sql.ref(ref)}` : sql<string>`${sql.ref(ref)}`);
  const rows = await db
    .selectFrom("sales as p")
    .innerJoin("sales as s", "s.id", "p.recovery_lead_id")
    .select(["p.id", "p.customer_id", "p.customer_email", "p.product_id", "p.completed_at", "p.created_at", "p.amount", "p.currency", "p.recovery_lead_id"])
    .where("p.recovery_lead_id", "is not", null)
    .where(col("p.status"), "in", PAID_STATUSES)
    .where(col("s.status"), "in", LEAD_STATUSES)
    .where(col("s.local_day"), ">=", range.from)
    .where(col("s.local_day"), "<=", range.to)
    .execute();
  return rows.map(toPayment).filter((p) => p.at !== "");
}

/** One lead by its sale id (whatever its day), attributed; null when the sale is not failed or abandoned. */
export async function getLead(db: Kysely<Database>, saleId: string, opts: { windowDays?: number } = {}): Promise<Lead | null> {
  const row = await leadsQuery(db, { saleId }).executeTakeFirst();
  if (!row) return null;
  const [lead] = await attribute(db, [toLead(row)], opts.windowDays ?? (await getRecoveryWindowDays(db)));
  return lead;
}

/** Still to work: not recovered by a payment and not closed by hand (won / lost). */
export function isOpenLead(l: Lead): boolean {
  return l.recovered === null && l.state !== "won" && l.state !== "lost";
}

/** The ids of the leads a later payment recovered (`listLeads` attributes them): what the status filter needs. */
export function recoveredLeadIds(leads: readonly Lead[]): Set<string> {
  return new Set(leads.filter((l) => l.recovered !== null).map((l) => l.saleId));
}

function toAttribution(l: Lead): AttributionSale {
  return { id: l.saleId, customerId: l.customerId, customerEmail: l.customerEmail, productId: l.productId, at: l.at };
}
