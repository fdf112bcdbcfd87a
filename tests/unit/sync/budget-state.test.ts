// The shared budget's arithmetic: the same rules as lib/chariow's in-memory store (reserve, learn from
// headers, block on 429, roll the window), plus reservations of a crashed instance ageing out.
import { describe, expect, it } from "vitest";
import { blockUntil, initialBudget, releaseSlot, reserveSlot, settleSlot, type BudgetRules } from "@/lib/sync/budget-state";

const rules: BudgetRules = { windowMs: 60_000, resetMarginMs: 250, inFlightTtlMs: 120_000 };
const headers = (remaining: number, resetAt: number, limit = 10) => ({ limit, remaining, resetAt });

describe("budget state", () => {
  it("grants the assumed 10 slots, then says to wait for the assumed window", () => {
    const s = initialBudget(10);
    for (let i = 0; i < 10; i++) expect(reserveSlot(s, 1_000, rules)).toEqual({ granted: true });
    expect(reserveSlot(s, 1_000, rules)).toEqual({ granted: false, retryAt: 61_000 });
  });

  it("counts the server's remaining net of requests still in flight, and only downwards within a window", () => {
    const s = initialBudget(10);
    reserveSlot(s, 0, rules);
    reserveSlot(s, 0, rules);
    settleSlot(s, headers(9, 60_000), 10, rules); // one still in flight: 8 usable
    expect(s.remaining).toBe(8);
    settleSlot(s, headers(9, 60_000), 20, rules); // a late, higher answer from the same window
    expect(s.remaining).toBe(8);
    expect(reserveSlot(s, 30_000, rules)).toEqual({ granted: true });
    expect(s.remaining).toBe(7);
  });

  it("after a learned reset, waits the reset plus a margin; after a 429, exactly Retry-After", () => {
    const s = initialBudget(10);
    reserveSlot(s, 0, rules);
    settleSlot(s, headers(0, 60_000), 1, rules);
    expect(reserveSlot(s, 2, rules)).toEqual({ granted: false, retryAt: 60_250 });
    blockUntil(s, 90_000);
    expect(reserveSlot(s, 3, rules)).toEqual({ granted: false, retryAt: 90_000 });
    expect(reserveSlot(s, 90_000, rules)).toEqual({ granted: true }); // window rolled at 90 s
  });

  it("a reservation never settled (its instance crashed) stops holding a slot after the TTL", () => {
    const s = initialBudget(10);
    for (let i = 0; i < 10; i++) reserveSlot(s, 0, rules);
    expect(s.inFlight).toHaveLength(10);
    // Window rolls at 60 s but the 10 "in flight" are still young: nothing available yet.
    expect(reserveSlot(s, 60_000, rules).granted).toBe(false);
    // Past the TTL they are presumed lost and the next window is whole again.
    expect(reserveSlot(s, 200_000, rules)).toEqual({ granted: true });
    expect(s.remaining).toBe(9);
  });

  it("release gives an unused slot back", () => {
    const s = initialBudget(10);
    reserveSlot(s, 0, rules);
    releaseSlot(s);
    expect(s.remaining).toBe(10);
    expect(s.inFlight).toHaveLength(0);
  });
});
