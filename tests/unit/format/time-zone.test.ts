// Time zones in words, in French and English: the city of the id and the offset the language uses, the
// summer offset in summer, the zero offset plain; an unknown id shown as given.
import { describe, expect, it } from "vitest";
import { timeZoneLabel } from "@/lib/format/time-zone";

const WINTER = new Date("2026-01-15T12:00:00Z");
const SUMMER = new Date("2026-07-15T12:00:00Z");

describe("timeZoneLabel", () => {
  it("names the city and its offset in English", () => {
    expect(timeZoneLabel("Africa/Abidjan", "en", WINTER)).toBe("Abidjan (GMT)");
    expect(timeZoneLabel("Africa/Lagos", "en", WINTER)).toBe("Lagos (GMT+1)");
    expect(timeZoneLabel("Africa/Porto-Novo", "en", WINTER)).toBe("Porto-Novo (GMT+1)");
    expect(timeZoneLabel("Asia/Kolkata", "en", WINTER)).toBe("Kolkata (GMT+5:30)");
    // ICU writes a negative offset with "-" or "−" depending on its version.
    expect(timeZoneLabel("America/Argentina/Buenos_Aires", "en", WINTER)).toMatch(/^Buenos Aires \(GMT[-\u2212]3\)$/);
  });

  it("names the city and its offset in French (UTC, as French writes it)", () => {
    expect(timeZoneLabel("Africa/Abidjan", "fr", WINTER)).toBe("Abidjan (UTC)");
    expect(timeZoneLabel("Africa/Lagos", "fr", WINTER)).toBe("Lagos (UTC+1)");
    expect(timeZoneLabel("Africa/Douala", "fr", WINTER)).toBe("Douala (UTC+1)");
  });

  it("follows summer time", () => {
    expect(timeZoneLabel("Europe/Paris", "fr", WINTER)).toBe("Paris (UTC+1)");
    expect(timeZoneLabel("Europe/Paris", "fr", SUMMER)).toBe("Paris (UTC+2)");
    expect(timeZoneLabel("Europe/London", "en", SUMMER)).toBe("London (GMT+1)");
  });

  it("says universal time UTC in both languages, and shows an unknown id as given", () => {
    expect(timeZoneLabel("UTC", "en", WINTER)).toBe("UTC");
    expect(timeZoneLabel("Etc/UTC", "fr", WINTER)).toBe("UTC");
    expect(timeZoneLabel("Mars/Olympus", "fr", WINTER)).toBe("Mars/Olympus");
  });
});
