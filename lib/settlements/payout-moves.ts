// Why a payout date moved (issue 16): Chariow may reschedule a paid sale's payout, and the mirror keeps
// each earlier `settlement.due_at` (sale_settlement_due_history, migration 0014, written by
// lib/mirror/upsert-sales.ts). A sale "moved" when its last recorded change brought it to the due instant
// it has now, from another local day of the store: a new time on the same day is no move for a merchant.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { localDay, startOfLocalDay, addDays, type LocalDay } from "@/lib/time";
import { PAID, payoutKey } from "./group-settlements";

/** The sales of one payout (currency × local due day) that moved there from other days. */
export interface PayoutMove {
  currency: string;
  /** The payout day they are due on now. */
  toDay: LocalDay;
  /** The distinct local days they were due on before their last move, earliest first. */
  fromDays: LocalDay[];
  /** How many of the payout's sales moved there. */
  movedCount: number;
}

type HistoryRow = { id: number; sale_id: string; previous_due_at: string; new_due_at: string };

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/** Per sale, its last history row (rows in id order: the last one wins). */
function lastPerSale<R extends HistoryRow>(rows: readonly R[]): Map<string, R> {
  const last = new Map<string, R>();
  for (const r of rows) {
    const seen = last.get(r.sale_id);
    if (!seen || r.id > seen.id) last.set(r.sale_id, r);
  }
  return last;
}

/**
 * Per sale, the due instant it had before its last move, for the sales whose last move brought them to
 * their current `dueAt` from another local day (the drill-down's "moved from"). Sales never moved are absent.
 */
export async function latestDueMoves(db: Kysely<Database>, sales: readonly { id: string; dueAt: string | null }[], timeZone: string): Promise<Map<string, string>> {
  const moved = new Map<string, string>();
  const ids = sales.filter((s) => s.dueAt !== null).map((s) => s.id);
  if (ids.length === 0) return moved;
  const rows: HistoryRow[] = [];
  // A page of a payout's sales is at most 100; chunks keep a CSV of a large payout under the engines' limits.
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(...(await db.selectFrom("sale_settlement_due_history").select(["id", "sale_id", "previous_due_at", "new_due_at"]).where("sale_id", "in", ids.slice(i, i + 500)).execute()));
  }
  const last = lastPerSale(rows);
  for (const s of sales) {
    const r = last.get(s.id);
    if (!r || s.dueAt === null || !sameInstant(r.new_due_at, s.dueAt)) continue;
    if (localDay(r.previous_due_at, timeZone) !== localDay(s.dueAt, timeZone)) moved.set(s.id, r.previous_due_at);
  }
  return moved;
}

/** A range of local due days (both included). */
type DayRange = { from: LocalDay; to: LocalDay };

const dueAt = sql<string>`s.settlement_due_at || ''`;

/**
 * The payouts of `ranges` (local due days) that hold sales moved there from other days, keyed by
 * `payoutKey` (currency × day). Paid sales only, as the timeline counts them.
 */
export async function listPayoutMoves(db: Kysely<Database>, ranges: readonly DayRange[], timeZone: string): Promise<Map<string, PayoutMove>> {
  if (ranges.length === 0) return new Map();
  const rows = await db
    .selectFrom("sale_settlement_due_history as h")
    // CROSS JOIN: SQLite keeps this order (history first); PostgreSQL plans it as the inner join it is.
    .crossJoin("sales as s")
    .whereRef("s.id", "=", "h.sale_id")
    .select(["h.id", "h.sale_id", "h.previous_due_at", "h.new_due_at", "s.settlement_due_at", "s.currency", "s.settlement_currency"])
    // The history holds the few sales ever moved: it is read first and each row's sale found by its key.
    // The sales' conditions are written so no index of `sales` answers them (`|| ''`), else SQLite walks
    // every paid sale by a status index (migrations 0002, 0018) or a payout index.
    // Only the sales with a move to about those days can count (a sale counts when its last move brought
    // it to its due instant, in the ranges), so only they are looked up, each with its whole history (the
    // last move stays the last). A day's margin each side keeps every such sale whatever the offset an
    // instant was written with.
    .where("h.sale_id", "in", (eb) =>
      eb
        .selectFrom("sale_settlement_due_history")
        .select("sale_id")
        .where((w) => w.or(ranges.map((r) => w.and([w("new_due_at", ">=", startOfLocalDay(addDays(r.from, -1), timeZone)), w("new_due_at", "<", startOfLocalDay(addDays(r.to, 2), timeZone))])))),
    )
    .where(sql<boolean>`s.status || '' in (${sql.join(PAID)})`)
    .where((eb) => eb.or(ranges.map((r) => eb.and([eb(dueAt, ">=", startOfLocalDay(r.from, timeZone)), eb(dueAt, "<", startOfLocalDay(addDays(r.to, 1), timeZone))]))))
    .execute();
  return movesByPayout(rows, timeZone);
}

/** Groups each sale's last move by the payout it now belongs to (its currency and local due day). Pure. */
export function movesByPayout(
  rows: readonly (HistoryRow & { settlement_due_at: string | null; currency: string | null; settlement_currency: string | null })[],
  timeZone: string,
): Map<string, PayoutMove> {
  const moves = new Map<string, PayoutMove & { from: Set<LocalDay> }>();
  for (const r of lastPerSale(rows).values()) {
    if (r.settlement_due_at === null || !sameInstant(r.new_due_at, r.settlement_due_at)) continue;
    const toDay = localDay(r.settlement_due_at, timeZone);
    const fromDay = localDay(r.previous_due_at, timeZone);
    if (fromDay === toDay) continue;
    // The payout's currency, as the timeline groups it (lib/settlements/list-settlements.ts toSettlementSale).
    const currency = r.settlement_currency ?? r.currency ?? "???";
    const key = payoutKey({ currency, dueDay: toDay });
    const move = moves.get(key) ?? { currency, toDay, fromDays: [], movedCount: 0, from: new Set<LocalDay>() };
    move.movedCount += 1;
    move.from.add(fromDay);
    moves.set(key, move);
  }
  return new Map([...moves].map(([key, { from, ...move }]) => [key, { ...move, fromDays: [...from].sort() }]));
}
