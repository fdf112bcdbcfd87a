// The pure decisions of the payout, update, goal and new-sales alerts (lib/notifications/alerts), on
// hand-computed numbers.
import { describe, expect, it } from "vitest";
import { lastClosedBatch } from "@/lib/notifications/alerts/new-sales";
import { overduePayouts } from "@/lib/notifications/alerts/payout-overdue";
import { goalVerdict } from "@/lib/notifications/alerts/revenue-goal";
import { staleMinutes } from "@/lib/notifications/alerts/sync-stale";

const late = (currency: string, firstDay: string) => ({ currency, net: 1000, gross: 1100, days: 2, salesCount: 3, incompleteCount: 0, firstDay, lastDay: firstDay });

describe("overduePayouts", () => {
  it("alerts a currency whose oldest late payout is more than N days past due, not at N", () => {
    const out = overduePayouts([late("XOF", "2026-05-28"), late("EUR", "2026-05-29")], "2026-06-01", 3);
    // XOF: 4 days late (> 3); EUR: 3 days (not more than 3).
    expect(out.map((l) => [l.currency, l.lateDays])).toEqual([["XOF", 4]]);
    expect(overduePayouts([late("EUR", "2026-05-31")], "2026-06-01", 0).map((l) => l.lateDays)).toEqual([1]);
  });
});

describe("staleMinutes", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  it("counts from the last success, over the threshold only, and never without a success", () => {
    expect(staleMinutes("2026-06-01T10:59:00Z", now, 60)).toBe(61);
    expect(staleMinutes("2026-06-01T11:00:00Z", now, 60)).toBeNull();
    expect(staleMinutes(null, now, 60)).toBeNull();
  });
});

describe("goalVerdict", () => {
  // June: 30 days. On the 10th at noon UTC, 9.5 days gone: elapsed 9.5/30.
  const base = { currency: "XOF", goal: 300_000, day: 10, daysInMonth: 30, elapsed: 9.5 / 30 };
  it("reached at the goal, whatever the day", () => {
    expect(goalVerdict({ ...base, revenue: 300_000, day: 2, elapsed: 1.5 / 30 }).state).toBe("reached");
  });
  it("off pace under 90 % of the pro-rata, with the daily pace for the days left (today included)", () => {
    // Pro-rata 95,000; 90 % of it 85,500. 85,000 is under: needs (300,000 − 85,000) / 21 = 10,238.09… → 10,239 a day.
    expect(goalVerdict({ ...base, revenue: 85_000 })).toMatchObject({ state: "off_pace", expected: 95_000, remainingDays: 21, dailyPace: 10_239 });
    expect(goalVerdict({ ...base, revenue: 85_500 }).state).toBe("on_pace");
  });
  it("never off pace before the 7th", () => {
    expect(goalVerdict({ ...base, revenue: 0, day: 6, elapsed: 5.5 / 30 }).state).toBe("on_pace");
    expect(goalVerdict({ ...base, revenue: 0, day: 7, elapsed: 6.5 / 30 }).state).toBe("off_pace");
  });
});

describe("lastClosedBatch", () => {
  it("cuts the same windows on every instance: the one that closed last", () => {
    const w = lastClosedBatch(new Date("2026-06-01T12:07:30Z"), 60);
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual(["2026-06-01T11:00:00.000Z", "2026-06-01T12:00:00.000Z"]);
    const q = lastClosedBatch(new Date("2026-06-01T12:15:00Z"), 15);
    expect([q.from.toISOString(), q.to.toISOString()]).toEqual(["2026-06-01T12:00:00.000Z", "2026-06-01T12:15:00.000Z"]);
  });
});
