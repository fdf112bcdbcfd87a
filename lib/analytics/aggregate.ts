// Pure aggregation of daily rollup rows into what the overview and revenue pages show: KPIs per currency,
// changes against a comparison period, the revenue series per interval bucket, and breakdowns. No I/O,
// so the arithmetic is unit-tested on hand-built rows; lib/analytics/read-rollups.ts feeds it.
import { bucketOf, bucketsOf, type DayRange, type Interval } from "./date-range";
import { netFromRollupSums } from "@/lib/settlements/net";
import {
  KPI_KEYS, PAID_STATUSES, type BreakdownRow, type CurrencyKpis, type KpiChanges, type SeriesPoint,
} from "./schemas";

/** One rollup bucket as read (count > 0 only): sums per local day × currency × status [× dimension value]. */
export type RollupFigures = {
  local_day: string;
  currency: string;
  status: string;
  dimension_value?: string;
  count: number;
  amount: number;
  discount_amount: number;
  gateway_fee: number;
  gateway_fee_known_count: number;
  service_fee: number;
  settlement_net: number;
  settlement_known_count: number;
};

const PAID: ReadonlySet<string> = new Set(PAID_STATUSES);
export const isPaid = (status: string) => PAID.has(status);

/** A currency's KPIs with no sale (a period where it sold nothing). */
export function emptyKpis(currency: string): CurrencyKpis {
  return {
    currency, paidCount: 0, paidRevenue: 0, attempts: 0, conversion: null, averageOrderValue: null, discounts: 0,
    netRevenue: 0, netKnownCount: 0, gatewayFees: 0, serviceFees: 0, failedCount: 0, failedValue: 0, abandonedCount: 0, abandonedValue: 0,
  };
}

/**
 * KPIs per currency from rows of the "all" dimension. Net revenue is Chariow's settlement amount summed
 * over the paid sales that have one (lib/settlements/net.ts), with how many they are: never recomputed
 * from fees, never an unknown settlement read as zero. Fees are summed as information only.
 */
export function kpisByCurrency(rows: readonly RollupFigures[]): Map<string, CurrencyKpis> {
  const out = new Map<string, CurrencyKpis>();
  for (const r of rows) {
    if (r.count <= 0) continue;
    const k = out.get(r.currency) ?? emptyKpis(r.currency);
    out.set(r.currency, k);
    k.attempts += r.count;
    if (isPaid(r.status)) {
      k.paidCount += r.count;
      k.paidRevenue += r.amount;
      k.discounts += r.discount_amount;
      k.gatewayFees += r.gateway_fee;
      k.serviceFees += r.service_fee;
      const { net, knownCount } = netFromRollupSums(r);
      k.netRevenue += net;
      k.netKnownCount += knownCount;
    } else if (r.status === "failed") {
      k.failedCount += r.count;
      k.failedValue += r.amount;
    } else if (r.status === "abandoned") {
      k.abandonedCount += r.count;
      k.abandonedValue += r.amount;
    }
  }
  for (const k of out.values()) {
    k.conversion = k.attempts > 0 ? k.paidCount / k.attempts : null;
    k.averageOrderValue = k.paidCount > 0 ? Math.round(k.paidRevenue / k.paidCount) : null;
  }
  return out;
}

/** Relative change of every KPI; null when there is nothing to compare with. */
export function kpiChanges(current: CurrencyKpis, previous: CurrencyKpis | null): KpiChanges {
  const changes = {} as KpiChanges;
  for (const key of KPI_KEYS) {
    const now = current[key];
    const before = previous ? previous[key] : null;
    changes[key] = now === null || before === null || before === 0 ? null : (now - before) / Math.abs(before);
  }
  return changes;
}

/**
 * Paid revenue per bucket of `interval` over `range`, every bucket present (zero when no sale); the
 * comparison period's buckets are paired by position (bucket i with bucket i), so a 31-day month
 * compared with a 28-day one has no previous value for its last three days. `compareRows` are the
 * comparison period's rows when read apart (periods can overlap, e.g. 400 days against a year earlier).
 */
export function revenueSeries(
  rows: readonly RollupFigures[],
  currency: string,
  range: DayRange,
  interval: Interval,
  compare: DayRange | null,
  compareRows: readonly RollupFigures[] = rows,
): SeriesPoint[] {
  const sums = (period: DayRange, source: readonly RollupFigures[]) => {
    const byBucket = new Map<string, { revenue: number; paidCount: number }>();
    for (const b of bucketsOf(period, interval)) byBucket.set(b, { revenue: 0, paidCount: 0 });
    for (const r of source) {
      if (r.currency !== currency || !isPaid(r.status) || r.count <= 0) continue;
      if (r.local_day < period.from || r.local_day > period.to) continue;
      const s = byBucket.get(bucketOf(r.local_day, interval))!;
      s.revenue += r.amount;
      s.paidCount += r.count;
    }
    return [...byBucket.entries()];
  };
  const current = sums(range, rows);
  const previous = compare ? sums(compare, compareRows) : [];
  return current.map(([bucket, s], i) => ({
    bucket,
    revenue: s.revenue,
    paidCount: s.paidCount,
    previousBucket: compare ? (previous[i]?.[0] ?? null) : null,
    previousRevenue: compare ? (previous[i]?.[1].revenue ?? null) : null,
  }));
}

/**
 * One currency's breakdown by dimension value (rows of one dimension): paid sales, revenue, discount
 * given and its average, attempts, share of paid revenue; biggest revenue first.
 */
export function breakdownRows(rows: readonly RollupFigures[], currency: string, labels: ReadonlyMap<string, string | null> = new Map()): BreakdownRow[] {
  const byKey = new Map<string, BreakdownRow>();
  let total = 0;
  for (const r of rows) {
    if (r.currency !== currency || r.count <= 0) continue;
    const key = r.dimension_value ?? "";
    let row = byKey.get(key);
    if (!row) {
      row = { key, label: labels.get(key) ?? null, paidCount: 0, revenue: 0, discounts: 0, averageDiscount: null, attempts: 0, share: null };
      byKey.set(key, row);
    }
    row.attempts += r.count;
    if (isPaid(r.status)) {
      row.paidCount += r.count;
      row.revenue += r.amount;
      row.discounts += r.discount_amount;
      total += r.amount;
    }
  }
  const result = [...byKey.values()];
  for (const row of result) {
    row.averageDiscount = row.paidCount > 0 ? Math.round(row.discounts / row.paidCount) : null;
    row.share = total > 0 ? row.revenue / total : null;
  }
  return result.sort((a, b) => b.revenue - a.revenue || b.paidCount - a.paidCount || a.key.localeCompare(b.key));
}
