// The Recovery inbox in SQL: one page of leads of a range with its filters (reason, status, channel,
// assignee), and how many leads each reason has under the other filters — the counts shown on the reason
// filter. Recovery by a later payment is computed on read (docs/recovery.md): the caller passes the
// range's recovered lead ids, which the page's analytics compute anyway (`listLeads`), so both the page
// and the counts are single SQL queries and agree with the list's badges.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { getRecoveryWindowDays } from "./attribution-window";
import type { RangeRecoveries } from "./range-recoveries";
import { LEAD_REASONS, type LeadReason } from "./lead-states";
import { attribute, leadsByIds, leadsQuery, listLeads, recoveredLeadIds, toLead, type Lead, type LeadFilters, type LeadRange } from "./worklist";

/** What the inbox can be sorted by (the table's `sort` key): when it failed, or its amount. */
export const LEAD_SORT_COLUMNS = ["at", "amount"] as const;
export type LeadSortColumn = (typeof LEAD_SORT_COLUMNS)[number];

export type LeadPageQuery = {
  filters: LeadFilters;
  sort: { column: LeadSortColumn; dir: "asc" | "desc" };
  page: number;
  size: number;
  windowDays?: number;
  /**
   * The range's recovered leads: their ids (`recoveredLeadIds(listLeads(range))`), or each one's payment
   * (`rangeRecoveries(range).recovered`, which then also fills the page's rows without attributing them
   * again); computed here when absent.
   */
  recovered?: ReadonlySet<string> | RangeRecoveries["recovered"];
};

async function recoveredOf(db: Kysely<Database>, range: LeadRange, windowDays: number | undefined): Promise<ReadonlySet<string>> {
  return recoveredLeadIds(await listLeads(db, range, { windowDays: windowDays ?? (await getRecoveryWindowDays(db)) }));
}

/**
 * One page of the inbox (25 leads on the Recovery page): LIMIT size + 1 / OFFSET in SQL, sorted by when
 * the lead failed or was abandoned (or by amount), the sale id breaking ties; the page's leads are then
 * attributed to show which payment recovered them.
 */
export async function listLeadPage(db: Kysely<Database>, range: LeadRange, q: LeadPageQuery): Promise<{ rows: Lead[]; hasMore: boolean }> {
  const windowDays = q.windowDays ?? (await getRecoveryWindowDays(db));
  const given = q.recovered instanceof Map ? q.recovered : null;
  const recovered = given ? new Set(given.keys()) : ((q.recovered as ReadonlySet<string> | undefined) ?? (await recoveredOf(db, range, windowDays)));
  const at = sql`coalesce(s.failed_at, s.abandoned_at, s.created_at, '')`;
  // The page's ids first, from the covering lead index (worklist.ts baseLeads: nothing else read for the
  // range's ~16,000 leads at a million sales), then those rows.
  const query = leadsQuery(db, range, { filters: q.filters, recovered, fromLeadIndex: true });
  const ordered = (q.sort.column === "amount" ? query.orderBy(sql`coalesce(s.amount, s.original_amount, 0)`, q.sort.dir).orderBy(at, "desc") : query.orderBy(at, q.sort.dir)).orderBy("s.id");
  const ids = (await ordered.clearSelect().select("s.id").limit(q.size + 1).offset((q.page - 1) * q.size).execute()).map((r) => r.id);
  const shown = ids.slice(0, q.size);
  const rows = shown.length === 0 ? [] : await leadsByIds(db, shown);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const leads = shown.map((id) => toLead(byId.get(id)!));
  if (!given) return { rows: await attribute(db, leads, windowDays), hasMore: ids.length > q.size };
  for (const l of leads) Object.assign(l, given.get(l.saleId) ?? {});
  return { rows: leads, hasMore: ids.length > q.size };
}

/**
 * How many leads of the range each reason has under the other filters (the reason filter itself is
 * ignored): one GROUP BY over the same conditions as the page, so "Failed payment (57)" is exactly what
 * choosing it lists.
 */
export async function countLeadsByReason(
  db: Kysely<Database>,
  range: LeadRange,
  filters: LeadFilters,
  opts: { recovered?: ReadonlySet<string>; windowDays?: number } = {},
): Promise<Record<LeadReason, number>> {
  const recovered = opts.recovered ?? (await recoveredOf(db, range, opts.windowDays));
  const leads = leadsQuery(db, range, { filters: { ...filters, reason: undefined }, recovered }).as("l");
  const rows = await db
    .selectFrom(leads)
    .select(["l.status", (eb) => eb.fn.countAll().as("n")])
    .groupBy("l.status")
    .execute();
  const counts = Object.fromEntries(LEAD_REASONS.map((r) => [r, 0])) as Record<LeadReason, number>;
  for (const r of rows) if ((LEAD_REASONS as readonly string[]).includes(r.status)) counts[r.status as LeadReason] = Number(r.n);
  return counts;
}
