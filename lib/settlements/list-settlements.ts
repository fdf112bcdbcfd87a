// The settlement timeline over the mirror: paid sales whose payout falls in a range of local days (by
// `settlement_due_at`), plus the paid sales of that range whose settlement is not known yet (not enriched).
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { addDays, startOfLocalDay, type LocalDay } from "@/lib/time";
import { PAID, groupPayoutBuckets, isSaleOverdue, timelineOf, type PayoutBucket, type PayoutGroup, type SettlementSale } from "./group-settlements";
import { saleNet } from "./net";
import { latestDueMoves } from "./payout-moves";

export interface SettlementRange {
  from: LocalDay;
  to: LocalDay;
}

export const settlementColumns = ["currency", "settlement_currency", "amount", "gateway_fee", "service_fee", "settlement_net", "settlement_due_at", "settlement_done_at"] as const;

export type SettlementColumns = { currency: string | null; settlement_currency: string | null; amount: number | null; gateway_fee: number | null; service_fee: number | null; settlement_net: number | null; settlement_due_at: string | null; settlement_done_at: string | null };

export function toSettlementSale(r: SettlementColumns): SettlementSale {
  const net = saleNet({ currency: r.currency, settlementNet: r.settlement_net, settlementCurrency: r.settlement_currency });
  return { currency: r.settlement_currency ?? r.currency, amount: r.amount, gatewayFee: r.gateway_fee, serviceFee: r.service_fee, net: net?.minor ?? null, dueAt: r.settlement_due_at, doneAt: r.settlement_done_at };
}

const payoutCurrency = sql<string | null>`coalesce(settlement_currency, currency)`;
/**
 * The paid test, written so SQLite's planner never answers it with the (status, created_at) index — that
 * would walk every paid sale ever — and reads the range from migration 0019's indexes instead, which
 * hold the status themselves (same rows on both engines).
 */
export const isPaid = sql<boolean>`status || '' in (${sql.join(PAID)})`;

/** A range of due instants, `lo` included and `hi` not (UTC ISO text, as the mirror stores them). */
export type DueRange = { lo: string; hi: string };

/** The due instants of a range of local days. */
export const dueRangeOf = (range: SettlementRange, timeZone: string): DueRange => ({ lo: startOfLocalDay(range.from, timeZone), hi: startOfLocalDay(addDays(range.to, 1), timeZone) });

/**
 * The paid sales with a known payout, summed per currency and due instant, for the due instants in
 * `ranges`: read from the payout rollup (migration 0023, kept by upsertSales), a few rows a day instead
 * of every sale of the range. Buckets whose sales all left (zero rows) are skipped.
 */
export async function payoutBuckets(db: Kysely<Database>, ranges: readonly DueRange[]): Promise<PayoutBucket[]> {
  if (ranges.length === 0) return [];
  const rows = await db
    .selectFrom("sales_payout_rollup")
    .selectAll()
    .where("sales_count", ">", 0)
    .where((eb) => eb.or(ranges.map((r) => eb.and([eb("due_at", ">=", r.lo), eb("due_at", "<", r.hi)]))))
    .execute();
  return rows.map((r) => ({
    currency: r.currency === "" ? null : r.currency,
    dueAt: r.due_at,
    salesCount: Number(r.sales_count),
    settledCount: Number(r.settled_count),
    doneAt: r.done_at,
    completeCount: Number(r.complete_count),
    gross: Number(r.gross),
    net: Number(r.net),
    gatewayFee: Number(r.gateway_fee),
    gatewayFeeUnknown: Number(r.gateway_fee_unknown),
    serviceFee: Number(r.service_fee),
    serviceFeeUnknown: Number(r.service_fee_unknown),
  }));
}

/** Timeline, unknown-settlement counts and totals for `range` (local days of the store timezone). */
export async function listSettlements(db: Kysely<Database>, range: SettlementRange, timeZone: string, now: Date = new Date()) {
  const known = await payoutBuckets(db, [dueRangeOf(range, timeZone)]);
  // The range's paid sales whose payout is not known yet, by payment day (sales_paid_day_idx).
  const unknown = await db
    .selectFrom("sales")
    .select([payoutCurrency.as("currency"), sql<number | string>`count(*)`.as("n"), sql<number | string>`coalesce(sum(amount), 0)`.as("gross")])
    .where(isPaid)
    .where("settlement_due_at", "is", null)
    .where("paid_local_day", ">=", range.from)
    .where("paid_local_day", "<=", range.to)
    .groupBy(payoutCurrency)
    .execute();
  // Enrichment progress of the range: how many of its paid sales have had their detail read.
  const coverage = await db
    .selectFrom("sales")
    .select((eb) => [eb.fn.countAll<number>().as("paid"), eb.fn.count<number>("detail_at").as("enriched")])
    .where(isPaid)
    .where("paid_local_day", ">=", range.from)
    .where("paid_local_day", "<=", range.to)
    .executeTakeFirst();
  const grouped = timelineOf(
    groupPayoutBuckets(known, timeZone, now),
    unknown.map((u) => ({ currency: u.currency ?? "???", salesCount: Number(u.n), gross: Number(u.gross) })),
  );
  return { range, timeZone, ...grouped, enrichment: { paid: Number(coverage?.paid ?? 0), enriched: Number(coverage?.enriched ?? 0) } };
}
export type SettlementTimeline = Awaited<ReturnType<typeof listSettlements>>;

/** The payout groups of a range of local due days, as listSettlements groups them. */
async function payoutGroupsOf(db: Kysely<Database>, range: SettlementRange, timeZone: string, now: Date): Promise<PayoutGroup[]> {
  if (range.from > range.to) return [];
  return groupPayoutBuckets(await payoutBuckets(db, [dueRangeOf(range, timeZone)]), timeZone, now);
}

/**
 * The payout groups of each of `ranges` (the Payouts calendar's month and week), each exactly the `groups`
 * of listSettlements over it — the calendar shows nothing else, so no unknown payouts or coverage are read.
 * The days inside `shown`, a timeline already read (the page's range), are taken from it: a group is one
 * currency's local day, the same whatever range it is read in. Only the other days are read (issue 17:
 * the default range and this month's grid share most of their days).
 */
export async function listPayoutGroups(
  db: Kysely<Database>,
  ranges: readonly SettlementRange[],
  timeZone: string,
  now: Date = new Date(),
  shown?: { range: SettlementRange; groups: readonly PayoutGroup[] },
): Promise<PayoutGroup[][]> {
  const out: PayoutGroup[][] = [];
  for (const r of ranges) {
    if (!shown || shown.range.to < r.from || shown.range.from > r.to) {
      out.push(await payoutGroupsOf(db, r, timeZone, now));
      continue;
    }
    const from = r.from > shown.range.from ? r.from : shown.range.from;
    const to = r.to < shown.range.to ? r.to : shown.range.to;
    out.push([
      ...(await payoutGroupsOf(db, { from: r.from, to: addDays(from, -1) }, timeZone, now)),
      ...shown.groups.filter((g) => g.dueDay >= from && g.dueDay <= to),
      ...(await payoutGroupsOf(db, { from: addDays(to, 1), to: r.to }, timeZone, now)),
    ]);
  }
  return out;
}

export interface PayoutSale {
  id: string;
  status: string;
  productName: string | null;
  customerEmail: string | null;
  currency: string | null;
  amount: number | null;
  gatewayFee: number | null;
  serviceFee: number | null;
  net: number | null;
  completedAt: string | null;
  dueAt: string | null;
  doneAt: string | null;
  overdue: boolean;
  /** The due instant this sale had before Chariow last moved it to `dueAt` (issue 16); null if never moved. */
  movedFromDueAt: string | null;
}

/** The paid sales whose payout is `group` (its currency, its local due day). */
function payoutSalesQuery(db: Kysely<Database>, group: { currency: string; dueDay: LocalDay }, timeZone: string) {
  return db
    .selectFrom("sales")
    // isPaid, not `status in`: SQLite would walk every paid sale through a status index (migrations 0002,
    // 0018) instead of the day's range of sales_payout_due_idx.
    .where(isPaid)
    .where("settlement_due_at", ">=", startOfLocalDay(group.dueDay, timeZone))
    .where("settlement_due_at", "<", startOfLocalDay(addDays(group.dueDay, 1), timeZone))
    .where((eb) => eb.or([eb("settlement_currency", "=", group.currency), eb.and([eb("settlement_currency", "is", null), eb("currency", "=", group.currency)])]));
}

const payoutSaleColumns = ["id", "status", "product_name", "customer_email", "completed_at", ...settlementColumns] as const;

type PayoutSaleRow = SettlementColumns & { id: string; status: string; product_name: string | null; customer_email: string | null; completed_at: string | null };

/** The rows as sales, each with the due instant it had before its last move (one read of the history). */
async function toPayoutSales(db: Kysely<Database>, rows: readonly PayoutSaleRow[], timeZone: string, now: Date): Promise<PayoutSale[]> {
  const moved = await latestDueMoves(db, rows.map((r) => ({ id: r.id, dueAt: r.settlement_due_at })), timeZone);
  return rows.map((r) => {
    const s = toSettlementSale(r);
    return {
      id: r.id, status: r.status, productName: r.product_name, customerEmail: r.customer_email, currency: s.currency, amount: r.amount, gatewayFee: r.gateway_fee, serviceFee: r.service_fee, net: s.net,
      completedAt: r.completed_at, dueAt: r.settlement_due_at, doneAt: r.settlement_done_at, overdue: isSaleOverdue(s, now), movedFromDueAt: moved.get(r.id) ?? null,
    };
  });
}

/** The sales behind one payout group (a currency and a local due day), newest first: the CSV and the API. */
export async function listPayoutSales(db: Kysely<Database>, group: { currency: string; dueDay: LocalDay }, timeZone: string, now: Date = new Date()): Promise<PayoutSale[]> {
  const rows = await payoutSalesQuery(db, group, timeZone).select(payoutSaleColumns).orderBy("completed_at", "desc").orderBy("id").execute();
  return toPayoutSales(db, rows, timeZone, now);
}

/**
 * One page of a payout's sales (the page's drill-down, 25 by default), sorted in SQL by payment time (the
 * sale id breaking ties), `size + 1` rows read to know whether a next page exists, and the payout's count.
 */
export async function listPayoutSalesPage(
  db: Kysely<Database>,
  group: { currency: string; dueDay: LocalDay },
  timeZone: string,
  opts: { dir: "asc" | "desc"; page: number; size: number },
  now: Date = new Date(),
): Promise<{ rows: PayoutSale[]; hasMore: boolean; total: number }> {
  const [rows, count] = await Promise.all([
    payoutSalesQuery(db, group, timeZone)
      .select(payoutSaleColumns)
      // A paid sale always has completed_at; the coalesce only keeps both engines' NULL order out of it.
      .orderBy(sql`coalesce(completed_at, '')`, opts.dir)
      .orderBy("id")
      .limit(opts.size + 1)
      .offset((opts.page - 1) * opts.size)
      .execute(),
    payoutSalesQuery(db, group, timeZone).select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst(),
  ]);
  return { rows: await toPayoutSales(db, rows.slice(0, opts.size), timeZone, now), hasMore: rows.length > opts.size, total: Number(count?.n ?? 0) };
}
