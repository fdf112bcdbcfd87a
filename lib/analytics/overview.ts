// The Overview's data (DESIGN §3): KPIs per currency with their change against the comparison period,
// the revenue series per interval and the top products, all from the daily rollups in the store's timezone.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { today } from "@/lib/time";
import { breakdownRows, emptyKpis, kpisByCurrency, kpiChanges, revenueSeries } from "./aggregate";
import { resolveRange, type RangeParams, type ResolvedRange } from "./date-range";
import { readEarliestDay, readKpiSumsOf, readPaidByDayOf, readPaidByProduct } from "./read-rollups";
import type { CurrencyKpis, Overview, OverviewRange } from "./schemas";

export const TOP_PRODUCTS = 5;

export type AnalyticsContext = { timeZone: string; now?: Date };

/** URL parameters → concrete days in the store's timezone ("all time" starts at the mirror's first sale). */
export async function resolveStoreRange(db: Kysely<Database>, params: RangeParams, { timeZone, now }: AnalyticsContext): Promise<OverviewRange> {
  const earliest = params.range === "all" ? await readEarliestDay(db) : null;
  const r: ResolvedRange = resolveRange(params, today(timeZone, now), earliest);
  return { from: r.from, to: r.to, preset: r.preset, interval: r.interval, intervalAuto: r.intervalAuto, compareMode: r.compareMode, compare: r.compare, timeZone };
}

/** Currencies seen in either period, the one with most paid sales first (it is the default tab). */
export function orderCurrencies(current: Map<string, CurrencyKpis>, previous: Map<string, CurrencyKpis>): string[] {
  const all = new Set([...current.keys(), ...previous.keys()]);
  const paid = (c: string) => current.get(c)?.paidCount ?? 0;
  return [...all].sort((a, b) => paid(b) - paid(a) || a.localeCompare(b));
}

export async function getOverview(db: Kysely<Database>, params: RangeParams, ctx: AnalyticsContext): Promise<Overview> {
  const range = await resolveStoreRange(db, params, ctx);
  // Three statements in all, each range and its comparison read together (issue 17: PostgreSQL pays per
  // round trip); the top products carry their names.
  const ranges = range.compare ? [range, range.compare] : [range];
  const [[sums, previousSums = []], [days, previousDays = []], products] = await Promise.all([
    readKpiSumsOf(db, ranges),
    readPaidByDayOf(db, ranges, range.interval),
    readPaidByProduct(db, range),
  ]);
  const current = kpisByCurrency(sums);
  const previous = kpisByCurrency(previousSums);
  const currencies = orderCurrencies(current, previous);

  const topByCurrency = new Map(currencies.map((c) => [c, breakdownRows(products, c).slice(0, TOP_PRODUCTS)] as const));
  const names = new Map(products.map((p) => [p.dimension_value!, p.name]));

  const byCurrency = currencies.map((currency) => {
    const kpis = current.get(currency) ?? emptyKpis(currency);
    const before = range.compare ? (previous.get(currency) ?? emptyKpis(currency)) : null;
    return {
      currency,
      kpis,
      previous: before,
      changes: before ? kpiChanges(kpis, before) : null,
      series: revenueSeries(days, currency, range, range.interval, range.compare, previousDays),
      topProducts: (topByCurrency.get(currency) ?? []).map((p) => ({ id: p.key, name: names.get(p.key) ?? null, paidCount: p.paidCount, revenue: p.revenue })),
    };
  });
  return { range, currencies, byCurrency };
}
