// The zod fragments every route, page and saved view parses its input with (issue 14 #6): a calendar day
// that exists, a range of days in order and of bounded length, an amount in its currency's decimals,
// page numbers and sizes, sort directions. One definition each, and total on any input — a malformed
// value is a zod issue (a 400 naming the field), never a throw (a 500). Not for client islands (zod would
// weigh on their page's first load): an island gets its parsed URL from its page, and checks a day with
// ./calendar-day.ts.
import { z } from "zod";
import { currencyExponent } from "@/lib/money";
import { FIRST_YEAR, LAST_YEAR, dayNumber, isCalendarDay } from "./calendar-day";

// ---- Days -------------------------------------------------------------------------------------------

/**
 * Longest analytics range, both ends included: ten years with their leap days. A chart is drawn bucket by
 * bucket (a day each with `interval=day`), so its range is bounded; other ranges are plain SQL bounds,
 * bounded by the years of ./calendar-day.ts (at most a century).
 */
export const MAX_CHART_RANGE_DAYS = 3653;

const DAY_MESSAGE = `expected a day that exists, as YYYY-MM-DD, between ${FIRST_YEAR}-01-01 and ${LAST_YEAR}-12-31`;

/** A local calendar day "YYYY-MM-DD" that exists. */
export const calendarDay = z.string().refine(isCalendarDay, { message: DAY_MESSAGE });

/** An empty or blank value is no value: what a GET form sends for a field left empty. */
function blankAsAbsent(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** An optional day: absent or blank → undefined. */
export const optionalCalendarDay = z.string().optional().transform(blankAsAbsent).pipe(calendarDay.optional());

/** The two ends of a day range, each optional; combine with `checkDayRange` on the object. */
export const dayRangeFields = { from: optionalCalendarDay, to: optionalCalendarDay };

/**
 * A range whose two ends are given must be in order (issue on `from`) and, with `maxDays`, span at most
 * that many days (issue on `to`). Runs on whatever the object holds, valid or not (zod runs object
 * refinements even when a field failed), so it only compares days that exist.
 */
export function checkDayRange(range: { from?: unknown; to?: unknown }, ctx: z.RefinementCtx, maxDays?: number): void {
  const { from, to } = range;
  if (!isCalendarDay(from) || !isCalendarDay(to)) return;
  if (from > to) {
    ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after `to`" });
    return;
  }
  if (maxDays !== undefined && dayNumber(to) - dayNumber(from) + 1 > maxDays) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `this range spans at most ${maxDays} days` });
  }
}

// ---- Amounts ----------------------------------------------------------------------------------------

/**
 * A major-unit amount as typed in a filter: up to 11 digits and 4 decimals (the most any currency has),
 * so its minor units stay a safe integer in every currency.
 */
export const AMOUNT_PATTERN = /^\d{1,11}(\.\d{1,4})?$/;

export const amountText = z
  .string()
  .trim()
  .regex(AMOUNT_PATTERN, "expected a positive decimal like 79.20 (at most 11 digits, and 4 after the point)");

/** An optional amount: absent or blank → undefined. */
export const optionalAmount = z.string().optional().transform(blankAsAbsent).pipe(amountText.optional());

const CURRENCY_CODE = /^[A-Z]{3}$/;

function decimalsOf(amount: string): number {
  const point = amount.indexOf(".");
  return point === -1 ? 0 : amount.length - point - 1;
}

/** The amount scaled to 4 decimals, for comparing two bounds exactly. */
function scaled(amount: string): bigint {
  const [whole, fraction = ""] = amount.split(".");
  return BigInt(whole + fraction.padEnd(4, "0"));
}

/**
 * `min`/`max` of a filter: with a `currency`, each has at most that currency's decimals (`min=1.5` with
 * XOF is an issue on `min`: F CFA have none); without one, any 4 decimals are fine (each sale is compared
 * in its own currency, exactly: lib/sales/sales-query.ts). And min ≤ max (issue on `min`).
 */
export function checkAmountBounds(filter: { currency?: unknown; min?: unknown; max?: unknown }, ctx: z.RefinementCtx): void {
  const valid = (v: unknown): v is string => typeof v === "string" && AMOUNT_PATTERN.test(v.trim());
  const currency = typeof filter.currency === "string" && CURRENCY_CODE.test(filter.currency) ? filter.currency : undefined;
  for (const key of ["min", "max"] as const) {
    const amount = filter[key];
    if (!currency || !valid(amount)) continue;
    const exponent = currencyExponent(currency);
    if (decimalsOf(amount.trim()) > exponent) {
      const allowed = exponent === 0 ? "no decimals" : `at most ${exponent} decimal${exponent === 1 ? "" : "s"}`;
      ctx.addIssue({ code: "custom", path: [key], message: `${currency} amounts have ${allowed}` });
    }
  }
  if (valid(filter.min) && valid(filter.max) && scaled(filter.min.trim()) > scaled(filter.max.trim())) {
    ctx.addIssue({ code: "custom", path: ["min"], message: "must not be more than `max`" });
  }
}

// ---- Paging and sorting -----------------------------------------------------------------------------

/** Pages are numbered from 1; past 100,000 pages an offset scan is not a question anyone asks. */
export const MAX_PAGE = 100_000;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** `page`, 1-based, default 1. */
export const pageNumber = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(MAX_PAGE).default(1));

/** A page size among the table's choices (`?size=50`). */
export function pageSize<const S extends readonly number[]>(sizes: S, fallback: S[number]) {
  return z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .refine((n) => sizes.includes(n), { message: `expected one of ${sizes.join(", ")}` })
      .default(fallback),
  );
}

/** How many rows at most (`?limit=`), 1 to `max`. */
export function rowLimit(max: number, fallback: number) {
  return z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(max).default(fallback));
}

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export const sortDirection = z.enum(SORT_DIRECTIONS);
