// What a calendar day in a URL may be ("YYYY-MM-DD", a day that exists, within the years below), without
// zod: the zod fragments (./query-fragments.ts) check days with it, and so do client islands (the Sales
// filters' day fields), where zod would weigh on the page's first load.

/**
 * Years a day may have. Chariow stores have no sale before 2000, and a year past 2099 is a typo
 * (9999-12-31); within these bounds every day arithmetic stays on four-digit years.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-02-28" yes; "2026-02-31", "2026-13-45", "9999-12-31", "2026-1-5", "abc" no. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a day `isCalendarDay` accepted. */
export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}
