// The failure-spike rule (lib/notifications/alerts/failure-spike.ts) on hand-counted attempts: it fires on
// a spike, never under the minimum sample, never when the baseline was as bad or the excess is chance, and
// exactly at its threshold.
import { describe, expect, it } from "vitest";
import { binomialTail, detectFailureSpikes, failureSpikeVerdict } from "@/lib/notifications/alerts/failure-spike";

const rule = { windowHours: 3, baselineDays: 7, minAttempts: 10, risePoints: 20 };

describe("failureSpikeVerdict", () => {
  it("fires when the window fails far more than the baseline", () => {
    // 10 of 12 failed (83 %) against 10 of 100 (10 %).
    const v = failureSpikeVerdict({ window: { paid: 2, failed: 10 }, baseline: { paid: 90, failed: 10 } }, rule);
    expect(v).toMatchObject({ fires: true, attempts: 12, baselineShare: 0.1 });
    expect(v.windowShare).toBeCloseTo(10 / 12, 12);
  });

  it("stays quiet under the minimum number of attempts, however bad", () => {
    expect(failureSpikeVerdict({ window: { paid: 0, failed: 9 }, baseline: { paid: 100, failed: 1 } }, rule).fires).toBe(false);
    expect(failureSpikeVerdict({ window: { paid: 0, failed: 10 }, baseline: { paid: 100, failed: 1 } }, rule).fires).toBe(true);
  });

  it("stays quiet when the baseline was as bad (a method that always fails this much)", () => {
    // 50 % now, 45 % before: 5 points, not 20, however many attempts.
    expect(failureSpikeVerdict({ window: { paid: 100, failed: 100 }, baseline: { paid: 1100, failed: 900 } }, rule).fires).toBe(false);
  });

  it("fires exactly at baseline + risePoints, not one failure below", () => {
    // Baseline 10 %: the threshold is 30 %. With 100 attempts chance is out of the question either way.
    const baseline = { paid: 900, failed: 100 };
    expect(failureSpikeVerdict({ window: { paid: 70, failed: 30 }, baseline }, rule).fires).toBe(true);
    expect(failureSpikeVerdict({ window: { paid: 71, failed: 29 }, baseline }, rule).fires).toBe(false);
    // A baseline of 1/3 and 20 points: 53.33… %; 80 of 150 is exactly on it (a division would round either way).
    const third = { paid: 200, failed: 100 };
    expect(failureSpikeVerdict({ window: { paid: 70, failed: 80 }, baseline: third }, rule).fires).toBe(true);
    expect(failureSpikeVerdict({ window: { paid: 71, failed: 79 }, baseline: third }, rule).fires).toBe(false);
  });

  it("stays quiet when so many failures are ordinary chance at the baseline's share", () => {
    // 8 of 12 (67 %) against 20 %: 47 points above, but it happens by chance about 6 times in 10,000 windows
    // (Σ C(12,i)·0.2^i·0.8^(12−i), i = 8…12 = 5.8·10⁻⁴); 11 of 12 (2·10⁻⁷) does not.
    const baseline = { paid: 800, failed: 200 };
    const eight = failureSpikeVerdict({ window: { paid: 4, failed: 8 }, baseline }, rule);
    expect(eight.chance).toBeCloseTo(5.8e-4, 5);
    expect(eight.fires).toBe(false);
    expect(failureSpikeVerdict({ window: { paid: 1, failed: 11 }, baseline }, rule).fires).toBe(true);
  });

  it("an empty baseline counts as nothing failed: the window alone must reach risePoints", () => {
    expect(failureSpikeVerdict({ window: { paid: 8, failed: 2 }, baseline: { paid: 0, failed: 0 } }, rule)).toMatchObject({ fires: true, baselineShare: 0, chance: 0 });
    expect(failureSpikeVerdict({ window: { paid: 9, failed: 1 }, baseline: { paid: 0, failed: 0 } }, rule).fires).toBe(false);
  });
});

describe("binomialTail", () => {
  it("equals the sum of the binomial terms written out", () => {
    const choose = (n: number, k: number) => { let c = 1; for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i; return c; };
    const direct = (n: number, k: number, p: number) => { let s = 0; for (let i = k; i <= n; i++) s += choose(n, i) * p ** i * (1 - p) ** (n - i); return s; };
    for (const [n, k, p] of [[12, 8, 0.2], [30, 15, 0.25], [10, 10, 0.5], [50, 1, 0.01]] as const) expect(binomialTail(n, k, p)).toBeCloseTo(direct(n, k, p), 12);
    expect(binomialTail(5, 0, 0.3)).toBe(1);
    expect(binomialTail(5, 6, 0.3)).toBe(0);
  });
});

describe("detectFailureSpikes", () => {
  it("keeps only the subjects that spike", () => {
    const spikes = detectFailureSpikes(
      [
        { dimension: "method", code: "wave", window: { paid: 4, failed: 8 }, baseline: { paid: 95, failed: 5 } },
        { dimension: "method", code: "mtn_momo", window: { paid: 30, failed: 5 }, baseline: { paid: 150, failed: 30 } },
        { dimension: "country", code: "CI", window: { paid: 10, failed: 25 }, baseline: { paid: 300, failed: 50 } },
      ],
      rule,
    );
    expect(spikes.map((s) => `${s.dimension}:${s.code}`)).toEqual(["method:wave", "country:CI"]);
  });
});
