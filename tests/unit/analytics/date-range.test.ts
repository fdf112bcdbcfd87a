// The analytics date range: presets against "today" in the store timezone, comparison periods (months
// of unequal length, leap years), interval choice and buckets, and the URL contract.
import { describe, expect, it } from "vitest";
import {
  autoInterval, bucketOf, bucketsOf, comparisonRange, dayCount, presetRange, resolveRange, shiftMonths,
} from "@/lib/analytics/date-range";
import { rangeParamsSchema } from "@/lib/analytics/query-schemas";

describe("presetRange", () => {
  const today = "2026-03-31";
  it.each([
    ["today", "2026-03-31", "2026-03-31"],
    ["yesterday", "2026-03-30", "2026-03-30"],
    ["last7", "2026-03-25", "2026-03-31"],
    ["last30", "2026-03-02", "2026-03-31"],
    ["last90", "2026-01-01", "2026-03-31"],
    ["thisMonth", "2026-03-01", "2026-03-31"],
    ["lastMonth", "2026-02-01", "2026-02-28"],
    ["thisQuarter", "2026-01-01", "2026-03-31"],
    ["thisYear", "2026-01-01", "2026-03-31"],
  ] as const)("%s covers %s … %s", (preset, from, to) => {
    expect(presetRange(preset, today, null)).toEqual({ from, to });
  });

  it("all time starts at the mirror's first sale day, or today when empty", () => {
    expect(presetRange("all", today, "2024-11-05")).toEqual({ from: "2024-11-05", to: today });
    expect(presetRange("all", today, null)).toEqual({ from: today, to: today });
  });

  it("last month across a year boundary and in a leap year", () => {
    expect(presetRange("lastMonth", "2026-01-15", null)).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetRange("lastMonth", "2028-03-01", null)).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });
});

describe("comparisonRange", () => {
  it("compares last month (31 days) with the whole previous month (28 days)", () => {
    expect(comparisonRange({ from: "2026-03-01", to: "2026-03-31" }, "lastMonth", "previous")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("compares a 30-day month with the whole 31-day month before it", () => {
    expect(comparisonRange({ from: "2026-04-01", to: "2026-04-30" }, "lastMonth", "previous")).toEqual({ from: "2026-03-01", to: "2026-03-31" });
  });

  it("compares this month so far with the same days of the previous month, clamped to its length", () => {
    expect(comparisonRange({ from: "2026-03-01", to: "2026-03-30" }, "thisMonth", "previous")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(comparisonRange({ from: "2026-05-01", to: "2026-05-12" }, "thisMonth", "previous")).toEqual({ from: "2026-04-01", to: "2026-04-12" });
  });

  it("compares rolling ranges with the same number of days just before", () => {
    const range = { from: "2026-03-02", to: "2026-03-31" };
    const previous = comparisonRange(range, "last30", "previous")!;
    expect(previous).toEqual({ from: "2026-01-31", to: "2026-03-01" });
    expect(dayCount(previous)).toBe(30);
  });

  it("same period last year maps 29 February to 28 February", () => {
    expect(comparisonRange({ from: "2028-02-01", to: "2028-02-29" }, "custom", "year")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
  });

  it("has no comparison for all time or when off", () => {
    expect(comparisonRange({ from: "2025-01-01", to: "2026-01-01" }, "all", "previous")).toBeNull();
    expect(comparisonRange({ from: "2025-01-01", to: "2026-01-01" }, "last7", "none")).toBeNull();
  });
});

describe("intervals and buckets", () => {
  it("chooses day up to a month, week up to six months, month beyond", () => {
    expect(autoInterval({ from: "2026-03-01", to: "2026-03-31" })).toBe("day");
    expect(autoInterval({ from: "2026-01-01", to: "2026-03-31" })).toBe("week");
    expect(autoInterval({ from: "2025-01-01", to: "2026-03-31" })).toBe("month");
  });

  it("weeks start on Monday, months on the 1st", () => {
    expect(bucketOf("2026-03-29", "week")).toBe("2026-03-23"); // a Sunday
    expect(bucketOf("2026-03-30", "week")).toBe("2026-03-30"); // a Monday
    expect(bucketOf("2026-03-29", "month")).toBe("2026-03-01");
  });

  it("lists every bucket overlapping the range", () => {
    expect(bucketsOf({ from: "2026-01-30", to: "2026-03-02" }, "month")).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
    expect(bucketsOf({ from: "2026-03-25", to: "2026-04-06" }, "week")).toEqual(["2026-03-23", "2026-03-30", "2026-04-06"]);
    expect(bucketsOf({ from: "2026-03-28", to: "2026-03-30" }, "day")).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
  });

  it("shiftMonths clamps to the target month", () => {
    expect(shiftMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(shiftMonths("2026-01-30", 1)).toBe("2026-02-28");
    expect(shiftMonths("2026-02-28", 1)).toBe("2026-03-31"); // a month's last day stays the last day
    expect(shiftMonths("2026-01-15", -12)).toBe("2025-01-15");
  });
});

describe("URL parameters", () => {
  it("defaults to the last 30 days, no comparison, automatic interval", () => {
    const p = rangeParamsSchema.parse({});
    expect(resolveRange(p, "2026-03-31", null)).toMatchObject({ from: "2026-03-02", to: "2026-03-31", interval: "day", intervalAuto: true, compare: null });
  });

  it("keeps an explicit interval and a comparison", () => {
    const p = rangeParamsSchema.parse({ range: "thisYear", compare: "year", interval: "week" });
    expect(resolveRange(p, "2026-03-31", null)).toMatchObject({ interval: "week", intervalAuto: false, compare: { from: "2025-01-01", to: "2025-03-31" } });
  });

  it("refuses a custom range without both days, in order, or an impossible day", () => {
    expect(rangeParamsSchema.safeParse({ range: "custom", from: "2026-03-01" }).success).toBe(false);
    expect(rangeParamsSchema.safeParse({ range: "custom", from: "2026-03-10", to: "2026-03-01" }).success).toBe(false);
    expect(rangeParamsSchema.safeParse({ range: "custom", from: "2026-02-30", to: "2026-03-01" }).success).toBe(false);
    expect(rangeParamsSchema.safeParse({ range: "custom", from: "2026-02-01", to: "2026-03-01" }).success).toBe(true);
  });
});
