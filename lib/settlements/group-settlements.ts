// Groups paid sales into payouts the way Chariow pays them (chariow-api.md §5: a day's paid sales share
// one `settlement.due_at`, paid out later with `done_at`): one group per currency × local due day in the
// store timezone. Pure: the query lives in list-settlements.ts, so the rules are testable on their own.
// The net is Chariow's settlement amount (lib/settlements/net.ts); fees are shown beside it as reported.
import { localDay, type LocalDay } from "@/lib/time";
import { effectiveFeeRate } from "./net";

/** The statuses of a paid sale: one whose payout Chariow owes or has made. */
export const PAID = ["completed", "settled"] as const;

/** One paid sale's settlement facts, as the mirror holds them (minor units; null = not known yet). */
export interface SettlementSale {
  currency: string | null;
  amount: number | null;
  gatewayFee: number | null;
  serviceFee: number | null;
  net: number | null;
  dueAt: string | null;
  doneAt: string | null;
}

export type PayoutStatus = "settled" | "overdue" | "due";

export interface PayoutGroup {
  currency: string;
  dueDay: LocalDay;
  /** Latest `due_at` of the group (UTC): past it and not done, the payout is overdue. */
  dueAt: string;
  /** Set when every sale of the group is paid out: the latest `done_at`. */
  doneAt: string | null;
  status: PayoutStatus;
  salesCount: number;
  settledCount: number;
  /** Paid amounts and Chariow's settlement amounts of the sales whose both are known. */
  gross: number;
  net: number;
  /** What Chariow kept of them: gross − net (never the sum of the fees below). */
  deducted: number;
  /** The fees as Chariow reports them for those sales; null unless known for every one (never partial). */
  gatewayFee: number | null;
  serviceFee: number | null;
  /** Sales whose paid amount or settlement amount is missing: left out of the sums (never guessed as 0). */
  incompleteCount: number;
}

export interface UnknownSettlements {
  currency: string;
  salesCount: number;
  gross: number;
}

export interface SettlementTotals {
  currency: string;
  gross: number;
  net: number;
  deducted: number;
  gatewayFee: number | null;
  serviceFee: number | null;
  /** (gross − net) ÷ gross over the sales whose both are known; null without any. */
  effectiveFeeRate: number | null;
}

/** A payout's key (currency × local due day): the timeline's row id, the key of its moves. */
export const payoutKey = (g: { currency: string; dueDay: LocalDay }) => `${g.currency}-${g.dueDay}`;

/** A payout is overdue once its due instant has passed and not every sale of it is paid out. */
export function payoutStatus(dueAt: string, allDone: boolean, now: Date): PayoutStatus {
  if (allDone) return "settled";
  return Date.parse(dueAt) < now.getTime() ? "overdue" : "due";
}

/** Whether one sale is overdue: past its due instant without a payout. */
export function isSaleOverdue(sale: Pick<SettlementSale, "dueAt" | "doneAt">, now: Date): boolean {
  return sale.dueAt !== null && sale.doneAt === null && Date.parse(sale.dueAt) < now.getTime();
}

/**
 * Sales with a known `due_at` become payout groups (newest due day first); paid sales without one are
 * counted per currency as unknown. Currencies are never added together.
 */
export function groupSettlements(sales: readonly SettlementSale[], timeZone: string, now: Date): { groups: PayoutGroup[]; unknown: UnknownSettlements[]; totals: SettlementTotals[] } {
  const groups = new Map<string, PayoutGroup & { allDone: boolean }>();
  const unknown = new Map<string, UnknownSettlements>();
  for (const s of sales) {
    const currency = s.currency ?? "???";
    if (s.dueAt === null) {
      const u = unknown.get(currency) ?? { currency, salesCount: 0, gross: 0 };
      u.salesCount += 1;
      u.gross += s.amount ?? 0;
      unknown.set(currency, u);
      continue;
    }
    const dueDay = localDay(s.dueAt, timeZone);
    const key = `${currency} ${dueDay}`;
    let g = groups.get(key);
    if (!g) {
      g = { currency, dueDay, dueAt: s.dueAt, doneAt: null, status: "due", salesCount: 0, settledCount: 0, gross: 0, net: 0, deducted: 0, gatewayFee: 0, serviceFee: 0, incompleteCount: 0, allDone: true };
      groups.set(key, g);
    }
    g.salesCount += 1;
    if (Date.parse(s.dueAt) > Date.parse(g.dueAt)) g.dueAt = s.dueAt;
    if (s.doneAt !== null) {
      g.settledCount += 1;
      if (g.doneAt === null || Date.parse(s.doneAt) > Date.parse(g.doneAt)) g.doneAt = s.doneAt;
    } else g.allDone = false;
    if (s.amount === null || s.net === null) {
      g.incompleteCount += 1;
      continue;
    }
    g.gross += s.amount;
    g.net += s.net;
    g.deducted += s.amount - s.net;
    g.gatewayFee = addKnown(g.gatewayFee, s.gatewayFee);
    g.serviceFee = addKnown(g.serviceFee, s.serviceFee);
  }
  const out = finishGroups(groups.values(), now);
  return { groups: out, unknown: [...unknown.values()].sort((a, b) => a.currency.localeCompare(b.currency)), totals: totalsOf(out) };
}

/** Status and order of built groups: newest due day first, then currency. */
function finishGroups(groups: Iterable<PayoutGroup & { allDone: boolean }>, now: Date): PayoutGroup[] {
  const out: PayoutGroup[] = [];
  for (const { allDone, ...g } of groups) {
    g.status = payoutStatus(g.dueAt, allDone, now);
    if (!allDone) g.doneAt = null;
    out.push(g);
  }
  return out.sort((a, b) => (a.dueDay === b.dueDay ? a.currency.localeCompare(b.currency) : a.dueDay < b.dueDay ? 1 : -1));
}

/**
 * The paid sales of one currency and one due instant, summed by the database (list-settlements.ts): what
 * groupSettlements adds up sale by sale, so a range's thousands of sales arrive as a few rows per day.
 * "Complete" sales are those whose paid amount and net are both known (the only ones in the sums).
 */
export interface PayoutBucket {
  currency: string | null;
  dueAt: string;
  salesCount: number;
  settledCount: number;
  /** Latest `done_at` among the bucket's sales (null when none is paid out). */
  doneAt: string | null;
  completeCount: number;
  gross: number;
  net: number;
  gatewayFee: number;
  /** Complete sales whose gateway fee is unknown: the group's fee is then unknown (never partial). */
  gatewayFeeUnknown: number;
  serviceFee: number;
  serviceFeeUnknown: number;
}

/** Payout groups from the database's buckets: the same groups, to the minor unit, as groupSettlements. */
export function groupPayoutBuckets(buckets: readonly PayoutBucket[], timeZone: string, now: Date): PayoutGroup[] {
  const groups = new Map<string, PayoutGroup & { allDone: boolean }>();
  for (const b of buckets) {
    const currency = b.currency ?? "???";
    const dueDay = localDay(b.dueAt, timeZone);
    const key = `${currency} ${dueDay}`;
    let g = groups.get(key);
    if (!g) {
      g = { currency, dueDay, dueAt: b.dueAt, doneAt: null, status: "due", salesCount: 0, settledCount: 0, gross: 0, net: 0, deducted: 0, gatewayFee: 0, serviceFee: 0, incompleteCount: 0, allDone: true };
      groups.set(key, g);
    }
    g.salesCount += b.salesCount;
    if (Date.parse(b.dueAt) > Date.parse(g.dueAt)) g.dueAt = b.dueAt;
    g.settledCount += b.settledCount;
    if (b.settledCount < b.salesCount) g.allDone = false;
    if (b.doneAt !== null && (g.doneAt === null || Date.parse(b.doneAt) > Date.parse(g.doneAt))) g.doneAt = b.doneAt;
    g.incompleteCount += b.salesCount - b.completeCount;
    g.gross += b.gross;
    g.net += b.net;
    g.deducted += b.gross - b.net;
    g.gatewayFee = b.gatewayFeeUnknown > 0 ? null : addKnown(g.gatewayFee, b.gatewayFee);
    g.serviceFee = b.serviceFeeUnknown > 0 ? null : addKnown(g.serviceFee, b.serviceFee);
  }
  return finishGroups(groups.values(), now);
}

/** A range's timeline from its groups and its unknown settlements (the totals are the groups'). */
export function timelineOf(groups: PayoutGroup[], unknown: UnknownSettlements[]): { groups: PayoutGroup[]; unknown: UnknownSettlements[]; totals: SettlementTotals[] } {
  return { groups, unknown: [...unknown].sort((a, b) => a.currency.localeCompare(b.currency)), totals: totalsOf(groups) };
}

/** A fee sum stays known only while every sale added has it known (null = unknown from then on). */
function addKnown(sum: number | null, fee: number | null): number | null {
  return sum === null || fee === null ? null : sum + fee;
}

function totalsOf(groups: readonly PayoutGroup[]): SettlementTotals[] {
  const byCurrency = new Map<string, SettlementTotals>();
  for (const g of groups) {
    const t = byCurrency.get(g.currency) ?? { currency: g.currency, gross: 0, net: 0, deducted: 0, gatewayFee: 0, serviceFee: 0, effectiveFeeRate: null };
    t.gross += g.gross;
    t.net += g.net;
    t.deducted += g.deducted;
    t.gatewayFee = addKnown(t.gatewayFee, g.gatewayFee);
    t.serviceFee = addKnown(t.serviceFee, g.serviceFee);
    byCurrency.set(g.currency, t);
  }
  for (const t of byCurrency.values()) t.effectiveFeeRate = effectiveFeeRate(t.gross, t.net);
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The next payout per currency: the earliest group not yet paid out whose due day is today or later. */
export function nextPayouts(groups: readonly PayoutGroup[], today: LocalDay): PayoutGroup[] {
  const next = new Map<string, PayoutGroup>();
  for (const g of groups) {
    if (g.status === "settled" || g.dueDay < today) continue;
    const cur = next.get(g.currency);
    if (!cur || g.dueDay < cur.dueDay) next.set(g.currency, g);
  }
  return [...next.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
