// The analytics URL state: what a bookmark or a hand-edited URL turns into, and back.
import { describe, expect, it } from "vitest";
import { readAnalyticsQuery } from "@/lib/analytics/query-schemas";
import { analyticsQueryString, patchAnalyticsParams } from "@/lib/analytics/url-params";

const parseAnalyticsParams = (search: URLSearchParams) => readAnalyticsQuery(search).params;

describe("analytics URL parameters", () => {
  it("round-trips a full state", () => {
    const q = "range=custom&from=2026-02-01&to=2026-02-28&compare=year&interval=week&currency=EUR";
    const p = parseAnalyticsParams(new URLSearchParams(q));
    expect(p).toEqual({ range: "custom", from: "2026-02-01", to: "2026-02-28", compare: "year", interval: "week", currency: "EUR" });
    expect(analyticsQueryString(p)).toBe(q);
  });

  it("falls back to the last 30 days on an invalid range, keeping a valid currency", () => {
    expect(parseAnalyticsParams(new URLSearchParams("range=custom&from=2026-03-10&to=2026-03-01&currency=XOF"))).toEqual({ range: "last30", compare: "none", currency: "XOF" });
    expect(parseAnalyticsParams(new URLSearchParams("range=forever&currency=eur"))).toEqual({ range: "last30", compare: "none" });
  });

  it("drops custom days from a preset's query string", () => {
    expect(analyticsQueryString({ range: "last7", from: "2026-01-01", to: "2026-01-02", compare: "none" })).toBe("range=last7");
  });

  it("reads what the range form sends before JavaScript: blank interval is automatic, unused days ignored, last repeated value wins", () => {
    // The GET form of components/analytics/date-range-control.tsx, "Automatic" interval and a preset chosen.
    expect(readAnalyticsQuery({ currency: "XOF", range: "last7", from: "2026-02-01", to: "2026-02-28", compare: "none", interval: "" })).toEqual({
      params: { range: "last7", from: "2026-02-01", to: "2026-02-28", compare: "none", currency: "XOF" },
      cleared: [],
    });
    expect(readAnalyticsQuery({ range: ["last7", "lastMonth"], interval: ["month", "week"] }).params).toEqual({ range: "lastMonth", compare: "none", interval: "week" });
    expect(readAnalyticsQuery({ interval: "fortnight" }).cleared).toEqual(["interval"]);
  });

  it("a change keeps the rest, drops custom days off a preset, and resets a key patched to undefined", () => {
    const custom = { range: "custom", from: "2026-02-01", to: "2026-02-28", compare: "year", interval: "week", currency: "EUR" } as const;
    expect(patchAnalyticsParams(custom, { currency: "XOF" })).toEqual({ ...custom, currency: "XOF" });
    expect(patchAnalyticsParams(custom, { range: "last7", interval: undefined })).toEqual({ range: "last7", compare: "year", currency: "EUR" });
  });
});
