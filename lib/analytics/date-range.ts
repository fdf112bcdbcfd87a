// The analytics date range, shared by every analytics page: presets, custom range, comparison period and
// chart interval, resolved against "today" in the store's timezone. Pure calendar arithmetic on
// "YYYY-MM-DD" local days, without zod (the client control offers the same presets); the URL's schema is
// in ./query-schemas.ts.
import type { RangeParams } from "./query-schemas";

/** The range as the URL carries it, parsed (the output of the schema in ./query-schemas.ts). */
export type { RangeParams };

export const RANGE_PRESETS = [
  "today", "yesterday", "last7", "last30", "last90", "thisMonth", "lastMonth", "thisQuarter", "thisYear", "all", "custom",
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const INTERVALS = ["day", "week", "month"] as const;
export type Interval = (typeof INTERVALS)[number];
export const COMPARE_MODES = ["none", "previous", "year"] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export type DayRange = { from: string; to: string };
export type ResolvedRange = DayRange & {
  preset: RangePreset;
  interval: Interval;
  /** Whether the interval was chosen from the range's length (not given in the URL). */
  intervalAuto: boolean;
  compareMode: CompareMode;
  compare: DayRange | null;
};

function parts(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `day` plus `n` calendar days. */
export function shiftDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return fromUtc(Date.UTC(y, m - 1, d + n));
}

/** Number of days from `from` to `to`, both included. */
export function dayCount({ from, to }: DayRange): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000) + 1;
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isLastDayOfMonth(day: string): boolean {
  const [y, m, d] = parts(day);
  return d === lastDayOfMonth(y, m);
}

/**
 * `day` moved by `months` calendar months, the day clamped to the target month's length (31 March − 1
 * month = 28/29 February); a month's last day maps to the target month's last day.
 */
export function shiftMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = lastDayOfMonth(ty, tm);
  const td = isLastDayOfMonth(day) ? last : Math.min(d, last);
  return `${String(ty).padStart(4, "0")}-${String(tm).padStart(2, "0")}-${String(td).padStart(2, "0")}`;
}

function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function startOfQuarter(day: string): string {
  const [y, m] = parts(day);
  const qm = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(qm).padStart(2, "0")}-01`;
}

/** Monday of the ISO week of `day` (weeks are bucketed Monday → Sunday). */
export function startOfWeek(day: string): string {
  const [y, m, d] = parts(day);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
  return shiftDays(day, -weekday);
}

/** The first day of the bucket of `interval` that `day` falls in. */
export function bucketOf(day: string, interval: Interval): string {
  if (interval === "day") return day;
  if (interval === "week") return startOfWeek(day);
  return startOfMonth(day);
}

/** Every bucket start of `interval` that overlaps the range, in order. */
export function bucketsOf(range: DayRange, interval: Interval): string[] {
  const buckets: string[] = [];
  let bucket = bucketOf(range.from, interval);
  while (bucket <= range.to) {
    buckets.push(bucket);
    bucket = interval === "day" ? shiftDays(bucket, 1) : interval === "week" ? shiftDays(bucket, 7) : shiftMonths(bucket, 1);
  }
  return buckets;
}

/** Day for ranges up to a month, week up to about six months, month beyond. */
export function autoInterval(range: DayRange): Interval {
  const days = dayCount(range);
  if (days <= 31) return "day";
  if (days <= 183) return "week";
  return "month";
}

/** The days a preset covers when today (store timezone) is `today`; `earliest` is the mirror's first sale day. */
export function presetRange(preset: Exclude<RangePreset, "custom">, today: string, earliest: string | null): DayRange {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday":
      return { from: shiftDays(today, -1), to: shiftDays(today, -1) };
    case "last7":
      return { from: shiftDays(today, -6), to: today };
    case "last30":
      return { from: shiftDays(today, -29), to: today };
    case "last90":
      return { from: shiftDays(today, -89), to: today };
    case "thisMonth":
      return { from: startOfMonth(today), to: today };
    case "lastMonth": {
      const from = shiftMonths(startOfMonth(today), -1);
      return { from, to: shiftDays(startOfMonth(today), -1) };
    }
    case "thisQuarter":
      return { from: startOfQuarter(today), to: today };
    case "thisYear":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case "all":
      return { from: earliest !== null && earliest < today ? earliest : today, to: today };
  }
}

/** Months each calendar-aligned preset steps back by when compared with "the previous period". */
const CALENDAR_STEP: Partial<Record<RangePreset, number>> = { thisMonth: 1, lastMonth: 1, thisQuarter: 3, thisYear: 12 };

/**
 * The comparison period. "previous": calendar presets step back by their own unit (last month March 1–31
 * compares with February 1–28, this month 1–23 with the previous month's 1–23); every other range with
 * the same number of days just before it. "year": the same days one year earlier (29 Feb → 28 Feb).
 */
export function comparisonRange(range: DayRange, preset: RangePreset, mode: CompareMode): DayRange | null {
  if (mode === "none" || preset === "all") return null;
  if (mode === "year") return { from: shiftMonths(range.from, -12), to: shiftMonths(range.to, -12) };
  const step = CALENDAR_STEP[preset];
  if (step !== undefined) return { from: shiftMonths(range.from, -step), to: shiftMonths(range.to, -step) };
  const length = dayCount(range);
  return { from: shiftDays(range.from, -length), to: shiftDays(range.from, -1) };
}

/** URL parameters → the concrete days, interval and comparison period. */
export function resolveRange(params: RangeParams, today: string, earliest: string | null): ResolvedRange {
  const days = params.range === "custom" ? { from: params.from!, to: params.to! } : presetRange(params.range, today, earliest);
  return {
    ...days,
    preset: params.range,
    interval: params.interval ?? autoInterval(days),
    intervalAuto: params.interval === undefined,
    compareMode: params.range === "all" ? "none" : params.compare,
    compare: comparisonRange(days, params.range, params.compare),
  };
}
