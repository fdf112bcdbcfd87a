// lib/time: the store-timezone calendar day of an instant, across DST switches and at midnight, and the
// day arithmetic analytics build ranges with.
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isValidTimeZone, localDay, localDayOrNull, monthOfDay, monthRange, startOfLocalDay, today } from "@/lib/time";

describe("localDay", () => {
  it("is the UTC day in Africa/Abidjan (UTC+0, no DST), to the second around midnight", () => {
    expect(localDay("2025-03-10T23:59:59.999Z", "Africa/Abidjan")).toBe("2025-03-10");
    expect(localDay("2025-03-11T00:00:00.000Z", "Africa/Abidjan")).toBe("2025-03-11");
  });

  it("follows Europe/Paris across the March switch (UTC+1 → UTC+2 on 2025-03-30)", () => {
    // Winter: local midnight is 23:00Z the day before.
    expect(localDay("2025-03-28T22:59:59.000Z", "Europe/Paris")).toBe("2025-03-28"); // 23:59:59 local
    expect(localDay("2025-03-28T23:00:00.000Z", "Europe/Paris")).toBe("2025-03-29"); // 00:00 local
    // After the switch: local midnight is 22:00Z.
    expect(localDay("2025-03-30T21:59:59.000Z", "Europe/Paris")).toBe("2025-03-30");
    expect(localDay("2025-03-30T22:00:00.000Z", "Europe/Paris")).toBe("2025-03-31");
  });

  it("follows Europe/Paris across the October switch (UTC+2 → UTC+1 on 2025-10-26)", () => {
    expect(localDay("2025-10-25T21:59:59.000Z", "Europe/Paris")).toBe("2025-10-25");
    expect(localDay("2025-10-25T22:00:00.000Z", "Europe/Paris")).toBe("2025-10-26");
    expect(localDay("2025-10-26T22:59:59.000Z", "Europe/Paris")).toBe("2025-10-26"); // 23:59:59 CET
    expect(localDay("2025-10-26T23:00:00.000Z", "Europe/Paris")).toBe("2025-10-27");
  });

  it("puts an evening sale in New York on the previous UTC day, DST or not", () => {
    expect(localDay("2025-01-15T04:59:00.000Z", "America/New_York")).toBe("2025-01-14"); // 23:59 EST
    expect(localDay("2025-01-15T05:00:00.000Z", "America/New_York")).toBe("2025-01-15");
    expect(localDay("2025-07-15T03:59:00.000Z", "America/New_York")).toBe("2025-07-14"); // 23:59 EDT
    expect(localDay("2025-07-15T04:00:00.000Z", "America/New_York")).toBe("2025-07-15");
  });

  it("accepts Chariow's offset style and refuses garbage and unknown zones", () => {
    expect(localDay("2025-01-15T00:30:00+01:00", "Africa/Abidjan")).toBe("2025-01-14");
    expect(() => localDay("yesterday", "Africa/Abidjan")).toThrow(RangeError);
    expect(() => localDay("2025-01-15T00:00:00Z", "Mars/Olympus")).toThrow(RangeError);
    expect(localDayOrNull(null, "Africa/Abidjan")).toBeNull();
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("day arithmetic", () => {
  it("adds days across month, year and leap-day boundaries, unaffected by DST", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2025-03-30", -1)).toBe("2025-03-29");
    expect(daysBetween("2025-03-29", "2025-04-01")).toEqual(["2025-03-29", "2025-03-30", "2025-03-31", "2025-04-01"]);
    expect(daysBetween("2025-04-01", "2025-03-29")).toEqual([]);
  });

  it("knows the month of a day and its first and last days", () => {
    expect(monthOfDay("2025-03-31")).toBe("2025-03");
    expect(monthRange("2024-02-10")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthRange("2025-04-30")).toEqual({ from: "2025-04-01", to: "2025-04-30" });
    expect(() => monthOfDay("2025-3-1")).toThrow(RangeError);
  });

  it("gives the UTC instant a local day starts at, so [start(d), start(d+1)) bounds the day's sales", () => {
    expect(startOfLocalDay("2025-03-30", "Europe/Paris")).toBe("2025-03-29T23:00:00.000Z");
    expect(startOfLocalDay("2025-03-31", "Europe/Paris")).toBe("2025-03-30T22:00:00.000Z"); // 23-hour day
    expect(startOfLocalDay("2025-10-27", "Europe/Paris")).toBe("2025-10-26T23:00:00.000Z"); // 25-hour day before
    expect(startOfLocalDay("2025-07-15", "America/New_York")).toBe("2025-07-15T04:00:00.000Z");
    expect(startOfLocalDay("2025-07-15", "Africa/Abidjan")).toBe("2025-07-15T00:00:00.000Z");
    for (const iso of ["2025-03-30T21:59:59.000Z", "2025-03-29T23:00:00.000Z"]) {
      const day = localDay(iso, "Europe/Paris");
      expect(iso >= startOfLocalDay(day, "Europe/Paris") && iso < startOfLocalDay(addDays(day, 1), "Europe/Paris")).toBe(true);
    }
  });

  it("today is the local day of now", () => {
    expect(today("America/New_York", new Date("2025-07-15T03:00:00Z"))).toBe("2025-07-14");
  });
});
