// Time zones on screen are words ("Lagos (UTC+1)"), never the IANA id ("Africa/Lagos"): the date-range
// filter's note, the analytics range summary and the Settings picker (whose values stay the ids, sorted
// by what the member reads so typing "Ab" in the select finds Abidjan).
import { describe, expect, it } from "vitest";
import { DateRangeControl } from "@/components/analytics/date-range-control";
import { TimezoneForm } from "@/components/forms/timezone-form";
import { DateRangeFilter } from "@/components/ui/date-range-filter";
import type { OverviewRange } from "@/lib/analytics/schemas";
import { atUrl } from "@/tests/support/at-url";
import { attributesOf, renderHtml } from "@/tests/support/render";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/[\u202f\u00a0]/g, " ").replace(/\s+/g, " ");
// Lagos has no summer time: UTC+1 all year, whatever day the test runs.
const range: OverviewRange = { from: "2026-02-01", to: "2026-02-28", preset: "lastMonth", interval: "week", intervalAuto: false, compareMode: "none", compare: null, timeZone: "Africa/Lagos" };

describe("time zones in words", () => {
  it("date-range filter: the store's zone as a city and its offset", async () => {
    const props = { pathname: "/recovery", query: {}, from: "2026-11-01", to: "2026-11-30", today: "2026-12-04", timeZone: "Africa/Lagos" };
    const fr = text(await renderHtml(<DateRangeFilter {...props} />, "fr"));
    expect(fr).toContain("Lagos (UTC+1)");
    expect(fr).not.toContain("Africa/");
    expect(text(await renderHtml(<DateRangeFilter {...props} />, "en"))).toContain("Lagos (GMT+1)");
  });

  it("analytics range summary: the zone in words", async () => {
    const fr = text(await renderHtml(atUrl("/overview?range=lastMonth", <DateRangeControl resolved={range} params={{ range: "lastMonth", compare: "none" }} />), "fr"));
    expect(fr).toContain("Lagos (UTC+1)");
    expect(fr).not.toContain("Africa/");
    expect(text(await renderHtml(atUrl("/overview?range=lastMonth", <DateRangeControl resolved={range} params={{ range: "lastMonth", compare: "none" }} />), "en"))).toContain("Lagos (GMT+1)");
  });

  it("Settings picker: options read as words, values stay the ids, sorted by what is read", async () => {
    const zones = ["Africa/Lagos", "America/Argentina/Buenos_Aires", "Africa/Abidjan", "Europe/Paris"];
    const html = await renderHtml(<TimezoneForm zones={zones} value="Africa/Lagos" disabled={false} pending={false} onSubmit={() => {}} />, "fr");
    expect(attributesOf(html, "option", "value")).toEqual(["Africa/Abidjan", "America/Argentina/Buenos_Aires", "Africa/Lagos", "Europe/Paris"]);
    const options = [...html.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
    expect(options[0]).toBe("Abidjan (UTC)");
    expect(options[1]).toMatch(/^Buenos Aires \(UTC[-\u2212]3\)$/);
    expect(options[2]).toBe("Lagos (UTC+1)");
    expect(options[3]).toMatch(/^Paris \(UTC\+[12]\)$/);
    expect(html).toMatch(/<option[^>]*value="Africa\/Lagos"[^>]*selected/);
  });
});
