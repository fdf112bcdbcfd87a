// Backfill windows (anchored at the start day, newest first, clipped at the earliest sale), the ETA
// shown in the freshness slot, and error messages that must never carry a key.
import { describe, expect, it } from "vitest";
import { ChariowUnauthorizedError, ChariowUpstreamUnavailableError } from "@/lib/chariow";
import { backfillWindow, windowCount, type BackfillState } from "@/lib/sync/backfill-state";
import { newBackfillState } from "@/lib/sync/backfill";
import { classifySyncError } from "@/lib/sync/job-status";
import { backfillEta } from "@/lib/sync/status";

describe("backfill windows", () => {
  const plan = { anchor: "2026-06-01", windowDays: 30 };
  it("go back from the anchor in whole windows and clip the oldest at the earliest sale", () => {
    expect(backfillWindow(plan, "2026-01-15", 0)).toEqual({ windowStart: "2026-05-03", windowEnd: "2026-06-01" });
    expect(backfillWindow(plan, "2026-01-15", 1)).toEqual({ windowStart: "2026-04-03", windowEnd: "2026-05-02" });
    expect(windowCount("2026-06-01", "2026-01-15", 30)).toBe(5); // 138 days
    expect(backfillWindow(plan, "2026-01-15", 4)).toEqual({ windowStart: "2026-01-15", windowEnd: "2026-02-01" });
  });

  it("cover every day exactly once", () => {
    const days = new Set<string>();
    const earliest = "2025-02-27";
    const n = windowCount(plan.anchor, earliest, plan.windowDays);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = backfillWindow(plan, earliest, i);
      for (let d = Date.parse(w.windowStart); d <= Date.parse(w.windowEnd); d += 86_400_000) {
        days.add(new Date(d).toISOString().slice(0, 10));
        total++;
      }
    }
    expect(total).toBe(days.size);
    expect([...days].sort()[0]).toBe(earliest);
    expect([...days].sort().at(-1)).toBe(plan.anchor);
    expect(days.size).toBe((Date.parse(plan.anchor) - Date.parse(earliest)) / 86_400_000 + 1);
  });

  it("a configured start date skips the search", () => {
    const s = newBackfillState(Date.parse("2026-06-01T10:00:00Z"), { startDate: "2026-01-15" });
    expect(s).toMatchObject({ phase: "walk", earliest: "2026-01-15", windowsTotal: 5, search: null });
  });
});

describe("backfill ETA", () => {
  const base: BackfillState = { ...newBackfillState(0, { startDate: "2025-01-01" }), windowsTotal: 10, windowsDone: 4, pagesRead: 8, current: null };
  it("extrapolates pages per window over the windows left, at the budget's rate", () => {
    expect(backfillEta(base, 10)).toBe(72); // 6 windows × 2 pages = 12 requests at 10/min
  });
  it("is unknown before the first window and when done", () => {
    expect(backfillEta({ ...base, windowsDone: 0 }, 10)).toBeNull();
    expect(backfillEta({ ...base, phase: "done" }, 10)).toBeNull();
  });
});

describe("classifySyncError", () => {
  it("maps client errors to the kinds the UI translates", () => {
    expect(classifySyncError(new ChariowUnauthorizedError("Invalid API key", "GET /sales", 401)).kind).toBe("unauthorized");
    expect(classifySyncError(new ChariowUpstreamUnavailableError("down", "GET /sales", 503, "server_error")).kind).toBe("unavailable");
    expect(classifySyncError(new Error("boom")).kind).toBe("internal");
  });
  it("never keeps anything that looks like a key", () => {
    const { message } = classifySyncError(new Error("sent Authorization: Bearer sk_live_abc123 and sk_test_xyz"));
    expect(message).not.toMatch(/sk_live_abc123|sk_test_xyz/);
  });
});
