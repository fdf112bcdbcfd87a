// What the freshness slot is told: progress as a share of the backfill's windows, the settlement
// coverage of paid sales (unknown before any), and a refused key told apart from an upstream outage.
import { describe, expect, it } from "vitest";
import { toFreshnessView } from "@/lib/freshness/get-freshness";
import type { SyncStatus } from "@/lib/sync";

const base: SyncStatus = {
  lastSuccessAt: "2026-11-23T12:00:00.000Z",
  lastErrorAt: null,
  lastError: null,
  stale: false,
  optionalJobs: [],
  backfill: { done: false, started: true, windowsDone: 5, windowsTotal: 20, salesSeen: 1200, etaSeconds: 84 },
  enrichment: { paidSales: 200, settlementKnown: 50, feesKnown: 40, channelKnown: 40 },
  budget: { limit: 10, remaining: 3, resetAt: "2026-11-23T12:01:00.000Z" },
  leaseHolder: "host:1",
  syncRequestedAt: null,
};
const at = new Date("2026-11-23T12:00:30.000Z");

describe("toFreshnessView", () => {
  it("turns windows into a percentage and keeps the estimate while running", () => {
    expect(toFreshnessView(base, at)).toEqual({
      readAt: "2026-11-23T12:00:30.000Z",
      lastSuccessAt: "2026-11-23T12:00:00.000Z",
      stale: false,
      staleReason: null,
      backfill: { done: false, percent: 25, windowsDone: 5, windowsTotal: 20, salesSeen: 1200, etaSeconds: 84 },
      settlementCoveragePercent: 25,
      budget: { limit: 10, remaining: 3, resetAt: "2026-11-23T12:01:00.000Z" },
    });
  });

  it("is 100 % with no estimate once done; coverage unknown before any paid sale", () => {
    const v = toFreshnessView({ ...base, backfill: { ...base.backfill, done: true, windowsDone: 20 }, enrichment: { paidSales: 0, settlementKnown: 0, feesKnown: 0, channelKnown: 0 } }, at);
    expect(v.backfill).toMatchObject({ done: true, percent: 100, etaSeconds: null });
    expect(v.settlementCoveragePercent).toBeNull();
  });

  it("says 'auth' when the key is refused and 'upstream' for anything else", () => {
    const failing = (kind: NonNullable<SyncStatus["lastError"]>["kind"]) =>
      toFreshnessView({ ...base, stale: true, lastErrorAt: "2026-11-23T12:00:10.000Z", lastError: { kind, message: "x" } }, at).staleReason;
    expect(failing("unauthorized")).toBe("auth");
    expect(failing("unavailable")).toBe("upstream");
    expect(failing("rate_limited")).toBe("upstream");
    // Stale because nothing succeeded for a long time, with no error recorded.
    expect(toFreshnessView({ ...base, stale: true }, at).staleReason).toBe("upstream");
  });
});
