// The Overview's data (DESIGN §3): KPIs per currency with their change against the comparison period,
// the revenue series per interval and the top products, all from the daily rollups in the store's timezone.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { today } from "@/lib/time";
import { breakdownRows, emptyKpis, kpisByCurrency, kpiChanges, revenueSeries } from "./aggregate";
import { resolveRange, type RangeParams, type ResolvedRange } from "./date-range";
import { readEarliestDay, readKpiSums, readLabels, readPaidByDay, readPaidByProduct } from "./read-rollups";
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
  const [sums, previousSums, days, previousDays, products] = await Promise.all([
    readKpiSums(db, range),
    range.compare ? readKpiSums(db, range.compare) : Promise.resolve([]),
    readPaidByDay(db, range, range.interval),
    range.compare ? readPaidByDay(db, range.compare, range.interval) : Promise.resolve([]),
    readPaidByProduct(db, range),
  ]);
  const current = kpisByCurrency(sums);
  const previous = kpisByCurrency(previousSums);
  const currencies = orderCurrencies(current, previous);

  const topIds = new Set<string>();
  const topByCurrency = new Map(
    currencies.map((c) => {
      const top = breakdownRows(products, c).slice(0, TOP_PRODUCTS);
      for (const p of top) topIds.add(p.key);
      return [c, top] as const;
    }),
  );
  const names = await readLabels(db, "product", [...topIds]);

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
