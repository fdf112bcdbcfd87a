// The Payments view's bucket keys (lib/payments/keys.ts): pay-time buckets at their edges, the bounds the
// view shows, whole seconds from two instants, a method's kind, and a stored value read back.
import { describe, expect, it } from "vitest";
import { bucketBounds, methodKind, payBucket, paySeconds, paymentHealthValue, paymentTimingValue, splitKey } from "@/lib/payments/keys";

describe("payment keys", () => {
  it("buckets a pay time by 10 s below 2 min, 30 s below 10 min, 1 min below 1 h, 15 min below a day, then one", () => {
    const cases: Array<[number, number | null]> = [
      [-1, null], [0, 0], [9, 0], [10, 10], [119, 110], [120, 120], [149, 120], [150, 150], [599, 570], [600, 600], [659, 600],
      [3599, 3540], [3600, 3600], [4499, 3600], [4500, 4500], [86_399, 85_500], [86_400, 86_400], [1_000_000, 86_400],
    ];
    for (const [seconds, bucket] of cases) expect([seconds, payBucket(seconds)]).toEqual([seconds, bucket]);
  });

  it("gives each bucket its bounds, the last one open", () => {
    expect(bucketBounds(110)).toEqual({ from: 110, to: 120 });
    expect(bucketBounds(570)).toEqual({ from: 570, to: 600 });
    expect(bucketBounds(3540)).toEqual({ from: 3540, to: 3600 });
    expect(bucketBounds(85_500)).toEqual({ from: 85_500, to: 86_400 });
    expect(bucketBounds(86_400)).toEqual({ from: 86_400, to: null });
  });

  it("counts whole seconds between the two instants' seconds", () => {
    expect(paySeconds("2026-01-01T10:00:00.900Z", "2026-01-01T10:00:05.100Z")).toBe(5);
    expect(paySeconds("2026-01-01T10:00:00Z", null)).toBeNull();
    expect(paySeconds("not a date", "2026-01-01T10:00:00Z")).toBeNull();
  });

  it("keeps timing rows for paid sales with both instants only, and a failure code only on failed sales", () => {
    const base = { methodKey: "wave", country: "SN", failureCode: "timeout", createdAt: "2026-01-01T10:00:00Z", completedAt: "2026-01-01T10:02:35Z" };
    expect(splitKey(paymentTimingValue({ ...base, status: "settled" })!)).toEqual(["wave", "SN", "150"]);
    expect(paymentTimingValue({ ...base, status: "failed" })).toBeNull();
    expect(paymentTimingValue({ ...base, status: "completed", completedAt: null })).toBeNull();
    expect(splitKey(paymentHealthValue({ ...base, status: "failed" }))).toEqual(["wave", "SN", "timeout"]);
    expect(splitKey(paymentHealthValue({ ...base, status: "completed" }))).toEqual(["wave", "SN", ""]);
    expect(splitKey(paymentHealthValue({ ...base, status: "failed", methodKey: null, country: null, failureCode: null }))).toEqual(["unknown", "unknown", "unknown"]);
  });

  it("sorts methods into mobile money, card, other and unknown", () => {
    expect(["mtn_momo", "orange_money", "wave", "moov_money", "card", "paypal", "cinetpay_wallet", "unknown"].map(methodKind)).toEqual([
      "mobile_money", "mobile_money", "mobile_money", "mobile_money", "card", "other", "other", "unknown",
    ]);
  });
});
