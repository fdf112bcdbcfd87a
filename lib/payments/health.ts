// The Payments view's figures (issue 20, docs/payments.md): per payment method × buyer country, the success
// rate paid ÷ (paid + failed) with abandoned checkouts beside it, attempts, value lost, the comparison
// period's rate, the failure codes per method, the median checkout → payment time, mobile money vs card per
// country, the rate over time, and what is degraded right now. Everything but "degraded now" comes from the
// rollups (payment_health, payment_timing, and all / payment_method / country for the series), whole months
// from the monthly table, so a year of a million-sale store is a few thousand rows.
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { bucketOf, bucketsOf, type DayRange, type Interval } from "@/lib/analytics/date-range";
import { resolveStoreRange, type AnalyticsContext } from "@/lib/analytics/overview";
import { byPeriod, dailyPart, rollupParts, unionOfRanges } from "@/lib/analytics/rollup-periods";
import { degradedNow } from "./degraded";
import { KEY_SEPARATOR, UNKNOWN_KEY, bucketBounds, methodKind, splitKey } from "./keys";
import type { AttemptFigures, CountryMix, MethodFailures, PaymentRow, PaymentsQuery, PaymentsReport, RatePoint } from "./schemas";

type Counts = { paid: number; failed: number; abandoned: number; valueLost: number; abandonedValue: number };
const zero = (): Counts => ({ paid: 0, failed: 0, abandoned: 0, valueLost: 0, abandonedValue: 0 });
const isPaid = (status: string) => status === "completed" || status === "settled";

function addStatus(c: Counts, status: string, count: number, amount: number): void {
  if (isPaid(status)) c.paid += count;
  else if (status === "failed") {
    c.failed += count;
    c.valueLost += amount;
  } else if (status === "abandoned") {
    c.abandoned += count;
    c.abandonedValue += amount;
  }
}

const rate = (paid: number, failed: number) => (paid + failed === 0 ? null : paid / (paid + failed));

/** A histogram of pay-time buckets (lower bound → paid sales) and its lower median's bucket. */
class Histogram {
  readonly counts = new Map<number, number>();
  n = 0;
  add(bucket: number, count: number): void {
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + count);
    this.n += count;
  }
  /** The bucket holding the ⌈n/2⌉-th smallest time. */
  median(): { from: number; to: number | null } | null {
    if (this.n === 0) return null;
    const k = Math.ceil(this.n / 2);
    let seen = 0;
    for (const b of [...this.counts.keys()].sort((x, y) => x - y)) {
      seen += this.counts.get(b)!;
      if (seen >= k) return bucketBounds(b);
    }
    return null;
  }
}

function figures(c: Counts, h: Histogram | undefined): AttemptFigures {
  return {
    paid: c.paid,
    failed: c.failed,
    abandoned: c.abandoned,
    attempts: c.paid + c.failed,
    successRate: rate(c.paid, c.failed),
    valueLost: c.valueLost,
    abandonedValue: c.abandonedValue,
    medianPay: h?.median() ?? null,
    timedPaid: h?.n ?? 0,
  };
}

type HealthRow = { currency: string; status: string; dimension_value: string; count: number; amount: number; period: number };

/** payment_health summed per currency × status × value over each range (one statement). */
async function readHealth(db: Kysely<Database>, ranges: DayRange[]): Promise<HealthRow[][]> {
  const query = unionOfRanges(db, ranges, (qb) =>
    qb
      .select((eb) => ["currency", "status", "dimension_value", eb.fn.sum<number>("count").as("count"), eb.fn.sum<number>("amount").as("amount")])
      .where("dimension", "=", "payment_health")
      .where("count", ">", 0)
      .groupBy(["currency", "status", "dimension_value"]),
  );
  const rows = query ? await query.execute() : [];
  return byPeriod(rows.map((r) => ({ ...r, count: Number(r.count), amount: Number(r.amount) })), ranges.length);
}

/** payment_timing of one currency over the range: pay-time buckets per method × country. */
async function readTiming(db: Kysely<Database>, range: DayRange, currency: string): Promise<Array<{ dimension_value: string; count: number }>> {
  const query = unionOfRanges(db, [range], (qb) =>
    qb
      .select((eb) => ["dimension_value", eb.fn.sum<number>("count").as("count")])
      .where("dimension", "=", "payment_timing")
      .where("currency", "=", currency)
      .where("count", ">", 0)
      .groupBy(["dimension_value"]),
  );
  const rows = query ? await query.execute() : [];
  return rows.map((r) => ({ dimension_value: r.dimension_value, count: Number(r.count) }));
}

/**
 * Paid and failed per day (per month's 1st with a monthly interval) of one currency, for the series: the
 * whole currency (`all`), one method, one country, or one method × country (a prefix of payment_health).
 */
async function readSeriesRows(db: Kysely<Database>, ranges: DayRange[], interval: Interval, currency: string, method: string | null, country: string | null) {
  const query = unionOfRanges(
    db,
    ranges,
    (qb, part) => {
      const day = interval === "month" && part.table === "sales_rollup_monthly" ? sql<string>`local_month || '-01'` : sql.ref<string>("local_day");
      let q = qb
        .select((eb) => [day.as("local_day"), "status", eb.fn.sum<number>("count").as("count")])
        .where("currency", "=", currency)
        .where("status", "in", ["completed", "settled", "failed"])
        .where("count", ">", 0);
      if (method !== null && country !== null) {
        const prefix = `${method}${KEY_SEPARATOR}${country}${KEY_SEPARATOR}`;
        // Every value with this prefix sorts between the prefix and the prefix with its separator's successor.
        q = q.where("dimension", "=", "payment_health").where("dimension_value", ">=", prefix).where("dimension_value", "<", `${method}${KEY_SEPARATOR}${country}\u0020`);
      } else if (method !== null) q = q.where("dimension", "=", "payment_method").where("dimension_value", "=", method);
      else if (country !== null) q = q.where("dimension", "=", "country").where("dimension_value", "=", country);
      else q = q.where("dimension", "=", "all");
      return q.groupBy([day, "status"]);
    },
    interval === "month" ? rollupParts : dailyPart,
  );
  const rows = query ? await query.execute() : [];
  return byPeriod(rows.map((r) => ({ local_day: r.local_day, status: r.status, count: Number(r.count), period: r.period })), ranges.length);
}

function rateSeries(rows: Array<Array<{ local_day: string; status: string; count: number }>>, range: DayRange, compare: DayRange | null, interval: Interval): RatePoint[] {
  const sums = (period: DayRange, list: Array<{ local_day: string; status: string; count: number }>) => {
    const byBucket = new Map<string, { paid: number; failed: number }>();
    for (const b of bucketsOf(period, interval)) byBucket.set(b, { paid: 0, failed: 0 });
    for (const r of list) {
      if (r.local_day < period.from || r.local_day > period.to) continue;
      const s = byBucket.get(bucketOf(r.local_day, interval));
      if (!s) continue;
      if (isPaid(r.status)) s.paid += r.count;
      else s.failed += r.count;
    }
    return [...byBucket.entries()];
  };
  const current = sums(range, rows[0] ?? []);
  const previous = compare ? sums(compare, rows[1] ?? []) : [];
  return current.map(([bucket, s], i) => {
    const p = previous[i];
    return {
      bucket,
      attempts: s.paid + s.failed,
      successRate: rate(s.paid, s.failed),
      previousBucket: p ? p[0] : null,
      previousAttempts: p ? p[1].paid + p[1].failed : null,
      previousSuccessRate: p ? rate(p[1].paid, p[1].failed) : null,
    };
  });
}

function byAttempts(a: PaymentRow, b: PaymentRow): number {
  const unknownLast = Number(a.method === UNKNOWN_KEY || a.country === UNKNOWN_KEY) - Number(b.method === UNKNOWN_KEY || b.country === UNKNOWN_KEY);
  return unknownLast || b.attempts + b.abandoned - (a.attempts + a.abandoned) || a.method.localeCompare(b.method) || a.country.localeCompare(b.country);
}

export async function getPaymentsReport(db: Kysely<Database>, params: PaymentsQuery, ctx: AnalyticsContext): Promise<PaymentsReport> {
  const range = await resolveStoreRange(db, params, ctx);
  const ranges: DayRange[] = range.compare ? [range, range.compare] : [range];
  const method = params.method ?? null;
  const country = params.country ?? null;
  const [health, degraded] = await Promise.all([readHealth(db, ranges), degradedNow(db, ctx.now ?? new Date())]);
  const [current, previous = []] = health;

  // Currencies with checkouts in the range, most paid first (as the other analytics pages order them).
  const paidBy = new Map<string, number>();
  for (const r of current!) paidBy.set(r.currency, (paidBy.get(r.currency) ?? 0) + (isPaid(r.status) ? r.count : 0));
  const currencies = [...paidBy.keys()].sort((a, b) => paidBy.get(b)! - paidBy.get(a)! || a.localeCompare(b));
  const currency = params.currency ?? currencies[0] ?? null;
  const empty = { checkouts: 0, methodKnown: 0, countryKnown: 0 };
  if (currency === null || !currencies.includes(currency)) {
    return {
      range, currencies, currency, hasSales: false, coverage: empty, total: figures(zero(), undefined), rows: [], methods: [], countries: [],
      failures: [], mix: [], series: [], seriesSubject: { method, country }, degraded,
    };
  }
  const [timing, seriesRows] = await Promise.all([readTiming(db, range, currency), readSeriesRows(db, ranges, range.interval, currency, method, country)]);

  const pairs = new Map<string, Counts>();
  const methods = new Map<string, Counts>();
  const countries = new Map<string, Counts>();
  const total = zero();
  const codes = new Map<string, Map<string, number>>();
  const coverage = { ...empty };
  for (const r of current!) {
    if (r.currency !== currency) continue;
    const [m, c, code] = splitKey(r.dimension_value);
    for (const [map, key] of [[pairs, `${m}${KEY_SEPARATOR}${c}`], [methods, m], [countries, c]] as const) {
      let counts = map.get(key);
      if (!counts) map.set(key, (counts = zero()));
      addStatus(counts, r.status, r.count, r.amount);
    }
    addStatus(total, r.status, r.count, r.amount);
    if (isPaid(r.status) || r.status === "failed" || r.status === "abandoned") {
      coverage.checkouts += r.count;
      if (m !== UNKNOWN_KEY) coverage.methodKnown += r.count;
      if (c !== UNKNOWN_KEY) coverage.countryKnown += r.count;
    }
    if (r.status === "failed") {
      let perMethod = codes.get(m);
      if (!perMethod) codes.set(m, (perMethod = new Map()));
      perMethod.set(code, (perMethod.get(code) ?? 0) + r.count);
    }
  }
  const prevPairs = new Map<string, Counts>();
  const prevMethods = new Map<string, Counts>();
  const prevCountries = new Map<string, Counts>();
  for (const r of previous) {
    if (r.currency !== currency) continue;
    const [m, c] = splitKey(r.dimension_value);
    for (const [map, key] of [[prevPairs, `${m}${KEY_SEPARATOR}${c}`], [prevMethods, m], [prevCountries, c]] as const) {
      let counts = map.get(key);
      if (!counts) map.set(key, (counts = zero()));
      addStatus(counts, r.status, r.count, r.amount);
    }
  }

  const histPairs = new Map<string, Histogram>();
  const histMethods = new Map<string, Histogram>();
  const histCountries = new Map<string, Histogram>();
  const histTotal = new Histogram();
  for (const t of timing) {
    const [m, c, b] = splitKey(t.dimension_value);
    const bucket = Number(b);
    for (const [map, key] of [[histPairs, `${m}${KEY_SEPARATOR}${c}`], [histMethods, m], [histCountries, c]] as const) {
      let h = map.get(key);
      if (!h) map.set(key, (h = new Histogram()));
      h.add(bucket, t.count);
    }
    histTotal.add(bucket, t.count);
  }

  const compared = range.compare !== null;
  const row = (m: string, c: string, counts: Counts, h: Histogram | undefined, prev: Counts | undefined): PaymentRow => ({
    method: m,
    country: c,
    kind: methodKind(m),
    ...figures(counts, h),
    previousSuccessRate: compared && prev ? rate(prev.paid, prev.failed) : null,
    previousAttempts: compared ? (prev ? prev.paid + prev.failed : 0) : null,
  });
  const ALL = "";
  const rows = [...pairs].map(([key, counts]) => {
    const [m, c] = key.split(KEY_SEPARATOR) as [string, string];
    return row(m, c, counts, histPairs.get(key), prevPairs.get(key));
  });
  const failures: MethodFailures[] = [...codes]
    .map(([m, perCode]) => ({
      method: m,
      failed: [...perCode.values()].reduce((a, b) => a + b, 0),
      codes: [...perCode].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    }))
    .sort((a, b) => b.failed - a.failed || a.method.localeCompare(b.method));
  const mix = new Map<string, CountryMix>();
  for (const [key, counts] of pairs) {
    if (counts.paid === 0) continue;
    const [m, c] = key.split(KEY_SEPARATOR) as [string, string];
    let x = mix.get(c);
    if (!x) mix.set(c, (x = { country: c, paid: 0, mobileMoney: 0, card: 0, other: 0, unknown: 0 }));
    x.paid += counts.paid;
    const kind = methodKind(m);
    if (kind === "mobile_money") x.mobileMoney += counts.paid;
    else if (kind === "card") x.card += counts.paid;
    else if (kind === "other") x.other += counts.paid;
    else x.unknown += counts.paid;
  }

  return {
    range,
    currencies,
    currency,
    hasSales: true,
    coverage,
    total: figures(total, histTotal),
    rows: rows.sort(byAttempts),
    methods: [...methods].map(([m, counts]) => row(m, ALL, counts, histMethods.get(m), prevMethods.get(m))).sort(byAttempts),
    countries: [...countries].map(([c, counts]) => row(ALL, c, counts, histCountries.get(c), prevCountries.get(c))).sort(byAttempts),
    failures,
    mix: [...mix.values()].sort((a, b) => Number(a.country === UNKNOWN_KEY) - Number(b.country === UNKNOWN_KEY) || b.paid - a.paid || a.country.localeCompare(b.country)),
    series: rateSeries(seriesRows, range, range.compare, range.interval),
    seriesSubject: { method, country },
    degraded,
  };
}
