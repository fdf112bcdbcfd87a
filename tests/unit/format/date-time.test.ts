// The one date/time formatter: instants in the store's zone (one without an offset, one with), calendar
// days never shifted by a zone, both languages written out by hand.
import { describe, expect, it } from "vitest";
import { formatDateTime, machineDateTime } from "@/lib/format/date-time";

// Intl separates with (narrow) no-break spaces; the expected strings are written with plain ones.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");
const abidjan = (locale: string) => ({ locale, timeZone: "Africa/Abidjan" }); // UTC+0 all year, no DST
const lagos = (locale: string) => ({ locale, timeZone: "Africa/Lagos" }); // UTC+1 all year

describe("formatDateTime", () => {
  const instant = "2026-12-04T14:05:00Z";

  it("formats each style in French and English in a zone at UTC+0", () => {
    expect(plain(formatDateTime(instant, abidjan("fr"), "date"))).toBe("4 déc. 2026");
    expect(plain(formatDateTime(instant, abidjan("fr"), "dateTime"))).toBe("4 déc. 2026, 14:05");
    expect(plain(formatDateTime(instant, abidjan("fr"), "time"))).toBe("14:05");
    expect(plain(formatDateTime(instant, abidjan("fr"), "month"))).toBe("décembre 2026");
    expect(plain(formatDateTime(instant, abidjan("fr"), "dayMonth"))).toBe("4 déc.");
    expect(plain(formatDateTime(instant, abidjan("en"), "date"))).toBe("Dec 4, 2026");
    expect(plain(formatDateTime(instant, abidjan("en"), "dateTime"))).toBe("Dec 4, 2026, 2:05 PM");
    expect(plain(formatDateTime(instant, abidjan("en"), "time"))).toBe("2:05 PM");
    expect(plain(formatDateTime(instant, abidjan("en"), "month"))).toBe("December 2026");
    expect(plain(formatDateTime(instant, abidjan("en"), "dayMonth"))).toBe("Dec 4");
  });

  it("shows an instant in the store's zone: 23:30 UTC is already the next day in Lagos", () => {
    const lateUtc = "2026-03-31T23:30:00Z";
    expect(plain(formatDateTime(lateUtc, abidjan("fr"), "dateTime"))).toBe("31 mars 2026, 23:30");
    expect(plain(formatDateTime(lateUtc, lagos("fr"), "dateTime"))).toBe("1 avr. 2026, 00:30");
    expect(plain(formatDateTime(lateUtc, lagos("en"), "date"))).toBe("Apr 1, 2026");
    expect(plain(formatDateTime(new Date(lateUtc), lagos("fr"), "time"))).toBe("00:30");
    expect(plain(formatDateTime(Date.parse(lateUtc), lagos("fr"), "month"))).toBe("avril 2026");
  });

  it("formats a calendar day as that day, whatever the zone (never shifted)", () => {
    for (const timeZone of ["Africa/Abidjan", "Africa/Lagos", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      expect(plain(formatDateTime("2026-12-04", { locale: "fr", timeZone }, "date")), timeZone).toBe("4 déc. 2026");
      expect(plain(formatDateTime("2026-01-01", { locale: "en", timeZone }, "dayMonth")), timeZone).toBe("Jan 1");
      // A day has no time: asked as a date and time, it is still the date.
      expect(plain(formatDateTime("2026-12-04", { locale: "fr", timeZone }, "dateTime")), timeZone).toBe("4 déc. 2026");
    }
    expect(plain(formatDateTime("2026-12-01", lagos("fr"), "month"))).toBe("décembre 2026");
  });

  it("gives back what is not a date instead of 'Invalid Date'", () => {
    expect(formatDateTime("soon", abidjan("fr"), "date")).toBe("soon");
    expect(formatDateTime("2026-02-31", abidjan("fr"), "date")).toBe("2026-02-31");
    expect(formatDateTime(Number.NaN, abidjan("fr"), "date")).toBe("NaN");
  });
});

describe("machineDateTime", () => {
  it("keeps a day a day and an instant an ISO instant", () => {
    expect(machineDateTime("2026-12-04")).toBe("2026-12-04");
    expect(machineDateTime("2026-12-04T15:05:00+01:00")).toBe("2026-12-04T14:05:00.000Z");
    expect(machineDateTime("nope")).toBeNull();
  });
});
