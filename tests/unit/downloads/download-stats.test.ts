// The rules behind the Downloads lists, on hand-sized inputs: nearest-rank percentile, median of an even
// count, and an unknown count never treated as 0.
import { describe, expect, it } from "vitest";
import type { DownloadFact } from "@/lib/downloads/download-facts";
import { median, notAccessedYet, percentile, unusualActivity } from "@/lib/downloads/download-stats";

const fact = (saleId: string, downloadTotal: number | null, completedAt = "2026-01-01T00:00:00.000Z"): DownloadFact => ({
  saleId, status: "completed", productId: "p", productName: null, customerId: null, customerName: null, customerEmail: null, currency: "XOF", amount: 100, completedAt, downloadTotal, downloadLastAt: null,
});

describe("download rules", () => {
  it("takes the nearest-rank percentile", () => {
    expect(percentile([5, 1, 3, 2, 4], 99)).toBe(5); // rank ceil(4.95) = 5
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([], 99)).toBeNull();
  });
  it("takes the middle pair's mean for an even count", () => {
    expect(median([10, 2])).toBe(6);
    expect(median([30, 4, 5])).toBe(5);
    expect(median([])).toBeNull();
  });
  it("never lists an unknown count as not accessed or in the percentile", () => {
    const facts = [fact("zero", 0), fact("unknown", null), fact("one", 1), fact("nine", 9)];
    expect(notAccessedYet(facts, 3, new Date("2026-02-01T00:00:00.000Z")).map((f) => f.saleId)).toEqual(["zero"]);
    const u = unusualActivity(facts);
    expect([u.knownCounts, u.p99, u.sales.length]).toEqual([3, 9, 0]);
    expect(unusualActivity(facts, 1).sales.map((f) => f.saleId)).toEqual(["nine"]);
  });
});
