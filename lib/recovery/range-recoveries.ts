// The Recovery page's figures of a range in one SQL statement (issue 17): every lead of the range attributed
// in the database — its exact link, else the same customer's first payment for the product after it, kept
// when within the window (attribution.ts's rules) — and grouped, so only the groups and the recovered leads
// reach Node, never the range's ~16,000 leads at a million sales. The stats (recovery-stats.ts) and the
// reason filter's counts (lead-page.ts) are read from these groups; the recovered leads' ids are what the
// status filter needs.
import "server-only";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "@/lib/db";
import { engineOfDb } from "@/lib/db/engine-sql";
import { addDays } from "@/lib/time";
import type { RecoveryRule } from "./attribution";
import { failureCategory } from "./failure-category";
import { PAID_STATUSES } from "./find-recoveries";
import { UNASSIGNED, type LeadReason, type LeadState } from "./lead-states";
import type { Lead, LeadFilters, LeadRange } from "./worklist";

/**
 * Leads of a range that share everything the stats and the filters look at; a recovered lead is a group of
 * its own (its payment and times are its own). Shaped like a Lead where recoveryStats reads one.
 */
export interface LeadGroup extends Pick<Lead, "status" | "currency" | "category" | "paymentMethod" | "channel" | "state" | "assignedTo" | "contactedAt" | "recovered" | "recoveredBy" | "at"> {
  /** How many leads. */
  leads: number;
  /** Their summed amount (amount, else original amount; none counts 0). */
  amount: number;
  /** The lead's sale id when recovered (one lead per recovered group), else null. */
  saleId: string | null;
}

export interface RangeRecoveries {
  groups: LeadGroup[];
  /** Recovered lead id → the payment and rule (as Lead.recovered / recoveredBy). */
  recovered: Map<string, { recovered: NonNullable<Lead["recovered"]>; recoveredBy: RecoveryRule }>;
}

const LEAD_STATUSES = ["failed", "abandoned"] as const;

/**
 * One statement: a CTE of the range's leads (migration 0024's covering lead index) with, per lead, its
 * earliest paid exact link (the partial recovery_lead_id index; sorted only for a lead that has one) and its
 * customer's earliest payment for the product after it (kept on the lead, migration 0027; a lead known only
 * by e-mail: migration 0021's index, one seek, `min` of the key, no sort); then the window test and the
 * payment's row only for the leads that have one; the others grouped. The
 * CTE is MATERIALIZED so neither engine evaluates a lead's lookups again where the outer query names them.
 * Instants are compared as text: the mirror stores every instant as ISO UTC with milliseconds
 * (lib/chariow/schemas/common.ts parseTimestamp), so text order is time order.
 */
export async function rangeRecoveries(db: Kysely<Database>, range: LeadRange, windowDays: number): Promise<RangeRecoveries> {
  const { rows } = await rangeRecoveriesQuery(db, range, windowDays).execute(db);
  return fromRows(rows);
}

/** The statement of rangeRecoveries (its plan is pinned by tests/integration/lists/recovery-range.test.ts). */
export function rangeRecoveriesQuery(db: Kysely<Database>, range: LeadRange, windowDays: number): RawBuilder<GroupRow> {
  const engine = engineOfDb(db);
  const sqlite = engine === "sqlite";
  const paid = sql.join(PAID_STATUSES.map((s) => sql.lit(s)));
  const leadStatuses = sql.join(LEAD_STATUSES.map((s) => sql.lit(s)));
  const paidAt = sql`coalesce(p.completed_at, p.created_at)`;
  const at = sql`coalesce(s.failed_at, s.abandoned_at, s.created_at)`;
  // Ties at the same instant: the smaller id, byte order on both engines (attribution.ts compares the same way).
  const pid = sqlite ? sql`p.id` : sql`p.id collate "C"`;
  // SQLite (no statistics) would read the leads through (status, created_at) and each one's table row, and
  // recovery_leads through its key then its row: migration 0024's covering indexes read neither row.
  const leadIndex = sqlite ? sql`indexed by sales_lead_range_idx` : sql``;
  const workedIndex = sqlite ? sql`indexed by recovery_leads_worked_idx` : sql``;
  // SQLite (no statistics): `+` keeps its planner off the (status, id) index (migration 0018).
  const linkStatus = sqlite ? sql`+p.status` : sql`p.status`;
  // Same customer: by id when the lead has one (the payment must then carry that id), else by e-mail,
  // resolved through `customers` as findRecoveries does (a payment without a customer id is never found:
  // docs/recovery.md). Each branch its own subquery so the planner seeks migration 0021's (customer_id,
  // product_id, paid time) index; in the e-mail branch SQLite gets `+product_id` and `+status` so it looks
  // the customers' few sales up rather than a product's whole history or every paid sale.
  const product = sqlite ? sql`+p.product_id` : sql`p.product_id`;
  const status = sqlite ? sql`+p.status` : sql`p.status`;
  const byLead = (lead: "s" | "l", what: RawBuilder<unknown>, when: RawBuilder<boolean>, tail: RawBuilder<unknown> = sql``) => {
    const id = sql.ref(`${lead}.customer_id`);
    const email = sql.ref(`${lead}.customer_email`);
    const productId = sql.ref(`${lead}.product_id`);
    return sql`case when ${id} is not null then (select ${what} from sales p where p.customer_id = ${id} and p.product_id = ${productId} and p.status in (${paid}) and ${when} ${tail})
      else (select ${what} from sales p where p.customer_id in (select c.id from customers c where c.email = lower(${email})) and lower(p.customer_email) = lower(${email})
        and ${product} = ${productId} and ${status} in (${paid}) and ${when} ${tail}) end`;
  };
  // The lead's customer's first payment for its product after it: kept on the lead when it has a customer id
  // (migration 0027, lib/mirror/lead-next-payment.ts: read from the lead index, no seek); else, by e-mail,
  // `min` of the index key, no sort.
  const firstPaid = sql`case when s.customer_id is not null then s.next_paid_at when ${at} is null or s.product_id is null then null
    else ${byLead("s", sql`min(${paidAt})`, sql`${paidAt} > ${at}`)} end`;
  const withinWindow: RawBuilder<boolean> = sqlite
    ? sql`l.first_at <= strftime('%Y-%m-%dT%H:%M:%fZ', l.at, ${`+${windowDays} days`})`
    : sql`l.first_at::timestamptz <= l.at::timestamptz + ${windowDays} * interval '1 day'`;
  // Which payment that is: only for the leads whose first payment is within the window.
  const windowPayment = sql`case when l.first_at is not null and ${withinWindow} then
    (case when l.customer_id is not null then l.next_paid_id else ${byLead("l", sql`p.id`, sql`${paidAt} = l.first_at`, sql`order by ${pid} limit 1`)} end) end`;
  const payment = sql`coalesce(l.link_id, ${windowPayment})`;
  // The leads not recovered grouped (9 columns); each recovered lead its own row, not sorted by a GROUP BY
  // of 17 columns it would be alone in anyway (a fifth of the statement's time at a million sales).
  return sql<GroupRow>`
    with l as materialized (
      select s.id, s.status, s.currency, coalesce(s.amount, s.original_amount) as amount, s.failure_code, s.failure_message,
        coalesce(s.payment_method_name, s.payment_method_id) as payment_method, s.channel, r.state, r.assigned_to, r.contacted_at,
        s.customer_id, s.customer_email, s.product_id, s.next_paid_id, ${at} as at,
        case when ${at} is not null and exists (select 1 from sales p where p.recovery_lead_id = s.id)
          then (select p.id from sales p where p.recovery_lead_id = s.id and ${linkStatus} in (${paid}) and ${paidAt} is not null order by ${paidAt}, ${pid} limit 1) end as link_id,
        ${firstPaid} as first_at
      from sales s ${leadIndex} left join recovery_leads r ${workedIndex} on r.sale_id = s.id
      where s.status in (${leadStatuses})
        and s.created_at >= ${`${addDays(range.from, -1)}T00:00:00.000Z`} and s.created_at < ${`${addDays(range.to, 2)}T00:00:00.000Z`}
        and s.local_day >= ${range.from} and s.local_day <= ${range.to}
    )
    select l.status, l.currency, l.failure_code, l.failure_message, l.payment_method, l.channel, l.state, l.assigned_to,
      case when l.contacted_at is not null then 1 else 0 end as contacted, max(l.contacted_at) as contacted_at,
      null as lead_id, null as lead_at, null as pay_id, null as pay_amount, null as pay_currency, null as paid_at, null as by_rule,
      count(*) as n, coalesce(sum(l.amount), 0) as amount
    from l left join sales pay on pay.id = ${payment}
    where pay.id is null
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    union all
    select l.status, l.currency, l.failure_code, l.failure_message, l.payment_method, l.channel, l.state, l.assigned_to,
      case when l.contacted_at is not null then 1 else 0 end, l.contacted_at,
      l.id, l.at, pay.id, pay.amount, pay.currency, coalesce(pay.completed_at, pay.created_at),
      case when l.link_id is not null then 'link' else 'window' end,
      1, coalesce(l.amount, 0)
    from l join sales pay on pay.id = ${payment}`;
}

function fromRows(rows: readonly GroupRow[]): RangeRecoveries {
  const groups: LeadGroup[] = [];
  const recovered: RangeRecoveries["recovered"] = new Map();
  for (const r of rows) {
    const rec = r.pay_id !== null && r.lead_id !== null ? { saleId: r.pay_id, amount: r.pay_amount === null ? null : Number(r.pay_amount), currency: r.pay_currency, paidAt: r.paid_at ?? "" } : null;
    const by = rec ? (r.by_rule as RecoveryRule) : null;
    if (rec && r.lead_id) recovered.set(r.lead_id, { recovered: rec, recoveredBy: by! });
    groups.push({
      saleId: rec ? r.lead_id : null,
      status: r.status,
      currency: r.currency,
      category: failureCategory(r.status, r.failure_code, r.failure_message),
      paymentMethod: r.payment_method,
      channel: r.channel,
      state: (r.state as LeadState | null) ?? "open",
      assignedTo: r.assigned_to,
      contactedAt: r.contacted_at,
      recovered: rec,
      recoveredBy: by,
      at: r.lead_at ?? "",
      leads: Number(r.n),
      amount: Number(r.amount),
    });
  }
  return { groups, recovered };
}

interface GroupRow {
  status: string;
  currency: string | null;
  failure_code: string | null;
  failure_message: string | null;
  payment_method: string | null;
  channel: string | null;
  state: string | null;
  assigned_to: string | null;
  contacted: number;
  contacted_at: string | null;
  lead_id: string | null;
  lead_at: string | null;
  pay_id: string | null;
  pay_amount: number | string | null;
  pay_currency: string | null;
  paid_at: string | null;
  by_rule: string | null;
  n: number | string;
  amount: number | string;
}

/**
 * How many leads each reason has under the other filters, from the groups: the same conditions as
 * leadsQuery (worklist.ts) — channel and assignee as given, the status as its worked state and whether a
 * payment recovered it — so "Failed payment (57)" is what choosing it lists.
 */
export function reasonCountsOf(groups: readonly LeadGroup[], filters: LeadFilters): Record<LeadReason, number> {
  const counts: Record<LeadReason, number> = { failed: 0, abandoned: 0 };
  for (const g of groups) {
    if (g.status !== "failed" && g.status !== "abandoned") continue;
    if (filters.channel && g.channel !== filters.channel) continue;
    if (filters.assignee && (filters.assignee === UNASSIGNED ? g.assignedTo !== null : g.assignedTo !== filters.assignee)) continue;
    if (!matchesStatus(g, filters.status)) continue;
    counts[g.status] += g.leads;
  }
  return counts;
}

function matchesStatus(g: LeadGroup, status: LeadFilters["status"]): boolean {
  const recovered = g.recovered !== null;
  switch (status) {
    case "all":
      return true;
    case "recovered":
      return recovered;
    case "todo":
      return !recovered && g.state !== "won" && g.state !== "lost";
    default:
      return !recovered && g.state === status;
  }
}
