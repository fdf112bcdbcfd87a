// The shared input fragments (issue 14 #6), against days, amounts and pages written out by hand: a day
// that exists and nothing else, ranges in order and (for charts) bounded, amounts with their currency's
// decimals, page bounds — and never a throw, whatever the input.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  MAX_CHART_RANGE_DAYS,
  amountText,
  calendarDay,
  checkAmountBounds,
  checkDayRange,
  dayRangeFields,
  optionalAmount,
  optionalCalendarDay,
  pageNumber,
  pageSize,
} from "@/lib/http/query-fragments";
import { isCalendarDay } from "@/lib/http/calendar-day";

const issuesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}`) ?? [];

describe("calendar day", () => {
  it("accepts days that exist between 2000-01-01 and 2099-12-31", () => {
    for (const day of ["2000-01-01", "2026-02-28", "2028-02-29", "2000-02-29", "2026-12-31", "2099-12-31"]) expect(isCalendarDay(day), day).toBe(true);
  });

  it("refuses days that do not exist, other shapes, and years outside the bounds", () => {
    const refused = [
      "2026-02-29", "2100-02-29", "2026-02-31", "2026-04-31", "2026-13-45", "2026-00-10", "2026-01-00", "9999-99-99", "0000-00-00",
      "9999-12-31", "1999-12-31", "2100-01-01", "2026-1-5", "2026-01-05T00:00:00Z", " 2026-01-05", "2026/01/05", "abc", "", "２０２６-01-05",
    ];
    for (const day of refused) {
      expect(isCalendarDay(day), day).toBe(false);
      expect(calendarDay.safeParse(day).success, day).toBe(false);
    }
    for (const value of [20260105, null, undefined, ["2026-01-05"], {}]) expect(calendarDay.safeParse(value).success).toBe(false);
  });

  it("an optional day reads blank as absent", () => {
    expect(optionalCalendarDay.parse("")).toBeUndefined();
    expect(optionalCalendarDay.parse("  ")).toBeUndefined();
    expect(optionalCalendarDay.parse(undefined)).toBeUndefined();
    expect(optionalCalendarDay.parse("2026-03-15")).toBe("2026-03-15");
    expect(optionalCalendarDay.safeParse("2026-02-31").success).toBe(false);
  });
});

describe("day range", () => {
  const plain = z.object(dayRangeFields).superRefine(checkDayRange);
  const chart = z.object(dayRangeFields).superRefine((r, ctx) => checkDayRange(r, ctx, MAX_CHART_RANGE_DAYS));

  it("needs from ≤ to (the issue on `from`); one end alone is fine", () => {
    expect(issuesOf(plain, { from: "2026-03-02", to: "2026-03-01" })).toEqual(["from"]);
    expect(issuesOf(plain, { from: "2026-03-01", to: "2026-03-01" })).toEqual([]);
    expect(issuesOf(plain, { from: "2099-12-31" })).toEqual([]);
    expect(issuesOf(plain, { from: "2000-01-01", to: "2099-12-31" })).toEqual([]);
  });

  it("a chart range spans at most 3,653 days — ten years with their leap days (the issue on `to`)", () => {
    expect(MAX_CHART_RANGE_DAYS).toBe(3653);
    // 2016 to 2025: ten years, three of them leap years (2016, 2020, 2024): 3,650 + 3 days.
    expect(issuesOf(chart, { from: "2016-01-01", to: "2025-12-31" })).toEqual([]);
    expect(issuesOf(chart, { from: "2016-01-01", to: "2026-01-01" })).toEqual(["to"]);
  });

  it("reports the bad end, not a crash, when an end is not a day", () => {
    expect(issuesOf(plain, { from: "abc", to: "2026-01-01" })).toEqual(["from"]);
    expect(issuesOf(chart, { from: "2026-13-45", to: "9999-99-99" })).toEqual(["from", "to"]);
    expect(issuesOf(plain, { from: 5, to: ["x"] })).toEqual(["from", "to"]);
  });
});

describe("amount bounds", () => {
  const filter = z.object({ currency: z.string().optional(), min: optionalAmount, max: optionalAmount }).superRefine(checkAmountBounds);

  it("a currency's decimals and no more: F CFA have none, euros 2, dinars 3 (the issue names the bound)", () => {
    expect(issuesOf(filter, { currency: "XOF", min: "1.5" })).toEqual(["min"]);
    expect(issuesOf(filter, { currency: "XOF", max: "1.0" })).toEqual(["max"]);
    expect(issuesOf(filter, { currency: "XOF", min: "4900" })).toEqual([]);
    expect(issuesOf(filter, { currency: "EUR", min: "1.55", max: "79.20" })).toEqual([]);
    expect(issuesOf(filter, { currency: "EUR", max: "1.555" })).toEqual(["max"]);
    expect(issuesOf(filter, { currency: "KWD", min: "1.555" })).toEqual([]);
    expect(issuesOf(filter, { currency: "CLF", min: "1.5555" })).toEqual([]);
  });

  it("without a currency, up to 4 decimals (each sale is compared in its own currency)", () => {
    expect(issuesOf(filter, { min: "1.5555" })).toEqual([]);
    expect(issuesOf(filter, { min: "1.55555" })).toEqual(["min"]);
  });

  it("min ≤ max, compared as decimals (the issue on `min`)", () => {
    expect(issuesOf(filter, { min: "10.5", max: "10.49" })).toEqual(["min"]);
    expect(issuesOf(filter, { min: "9.99", max: "10" })).toEqual([]);
    expect(issuesOf(filter, { min: "10", max: "10.00" })).toEqual([]);
  });

  it("a positive decimal of at most 11 digits, so minor units stay a safe integer in every currency", () => {
    for (const ok of ["0", "25", "79.20", "99999999999.9999"]) expect(amountText.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["-5", "1e3", "1,5", ".5", "5.", "999999999999", "1.23456", "abc", ""]) expect(amountText.safeParse(bad).success, bad).toBe(false);
    expect(optionalAmount.parse("")).toBeUndefined();
  });
});

describe("pages", () => {
  it("page: 1 to 100,000, blank is the first", () => {
    expect(pageNumber.parse(undefined)).toBe(1);
    expect(pageNumber.parse("")).toBe(1);
    expect(pageNumber.parse("7")).toBe(7);
    for (const bad of ["0", "-1", "1.5", "100001", "abc"]) expect(pageNumber.safeParse(bad).success, bad).toBe(false);
  });

  it("size: one of the table's choices", () => {
    const size = pageSize([25, 50, 100] as const, 50);
    expect(size.parse(undefined)).toBe(50);
    expect(size.parse("100")).toBe(100);
    for (const bad of ["10", "1000", "abc", "-25"]) expect(size.safeParse(bad).success, bad).toBe(false);
  });
});
