// The aggregation behind the Overview and Revenue pages, on hand-built rollup rows whose expected totals
// are worked out by hand: several currencies never mixed, XOF without decimals, fees not yet known,
// day boundaries at 23:59 / 00:00 local in a DST zone (Europe/Paris) and one without (Africa/Abidjan),
// and comparison series of months with different lengths.
import { describe, expect, it } from "vitest";
import { breakdownRows, kpiChanges, kpisByCurrency, revenueSeries, type RollupFigures } from "@/lib/analytics/aggregate";
import { UNKNOWN_DIMENSION_VALUE } from "@/lib/analytics/breakdown-keys";
import { UNKNOWN_VALUE } from "@/lib/mirror/rollups";
import { localDay } from "@/lib/time";

type Facts = {
  day: string;
  currency?: string;
  status?: string;
  count?: number;
  amount: number;
  discount?: number;
  /** Fee and settlement known for this many of the bucket's sales (default: all). */
  feesKnown?: number;
  gatewayFee?: number;
  serviceFee?: number;
  /** Chariow's settlement amounts of the known sales (default: amount − service fee, as seed 001). */
  settlement?: number;
  key?: string;
};

function row(f: Facts): RollupFigures {
  const count = f.count ?? 1;
  const known = f.feesKnown ?? count;
  const service = f.serviceFee ?? 0;
  return {
    local_day: f.day, currency: f.currency ?? "XOF", status: f.status ?? "completed", dimension_value: f.key, count,
    amount: f.amount, discount_amount: f.discount ?? 0, gateway_fee: f.gatewayFee ?? 0, gateway_fee_known_count: known,
    service_fee: service, settlement_net: known > 0 ? (f.settlement ?? f.amount - service) : 0, settlement_known_count: known,
  };
}

describe("kpisByCurrency", () => {
  const rows = [
    row({ day: "2026-03-01", currency: "XOF", count: 2, amount: 9800, discount: 0, gatewayFee: 294, serviceFee: 490 }),
    row({ day: "2026-03-02", currency: "XOF", status: "settled", amount: 4900, discount: 1000, gatewayFee: 147, serviceFee: 245 }),
    row({ day: "2026-03-02", currency: "XOF", status: "failed", count: 3, amount: 14700 }),
    row({ day: "2026-03-02", currency: "XOF", status: "abandoned", amount: 4900 }),
    row({ day: "2026-03-02", currency: "XOF", status: "awaiting_payment", amount: 4900 }),
    row({ day: "2026-03-01", currency: "EUR", amount: 123450, discount: 550, gatewayFee: 3704, serviceFee: 6173 }),
    row({ day: "2026-03-02", currency: "EUR", status: "failed", amount: 999 }),
  ];
  const k = kpisByCurrency(rows);

  it("keeps each currency apart (XOF in francs, EUR in cents)", () => {
    expect([...k.keys()].sort()).toEqual(["EUR", "XOF"]);
    expect(k.get("XOF")).toMatchObject({ paidCount: 3, paidRevenue: 14700, discounts: 1000, attempts: 8, failedCount: 3, failedValue: 14700, abandonedCount: 1, abandonedValue: 4900 });
    expect(k.get("EUR")).toMatchObject({ paidCount: 1, paidRevenue: 123450, discounts: 550, attempts: 2, failedCount: 1, failedValue: 999 });
  });

  it("conversion is paid ÷ all attempts, average order value rounds to the currency's minor unit", () => {
    expect(k.get("XOF")!.conversion).toBeCloseTo(3 / 8);
    expect(k.get("XOF")!.averageOrderValue).toBe(4900);
    const odd = kpisByCurrency([row({ day: "2026-03-01", count: 3, amount: 10000 })]).get("XOF")!;
    expect(odd.averageOrderValue).toBe(3333); // 3 333,33 F CFA does not exist: XOF has no decimals
  });

  it("net revenue is Chariow's settlement amount, never paid − fees (seed 001: 79.20 paid, 2.37 + 3.96 fees, settled 75.24)", () => {
    expect(k.get("XOF")).toMatchObject({ netRevenue: 14700 - 735, netKnownCount: 3, gatewayFees: 441, serviceFees: 735 });
    const seed = kpisByCurrency([row({ day: "2025-01-15", currency: "USD", amount: 7920, gatewayFee: 237, serviceFee: 396, settlement: 7524 })]).get("USD")!;
    expect(seed).toMatchObject({ netRevenue: 7524, netKnownCount: 1, gatewayFees: 237, serviceFees: 396 });
    // A Chariow that deducts both fees: its settlement amount already says so, nothing is taken off again.
    const both = kpisByCurrency([row({ day: "2025-01-15", currency: "USD", amount: 7920, gatewayFee: 237, serviceFee: 396, settlement: 7920 - 237 - 396 })]).get("USD")!;
    expect(both.netRevenue).toBe(7287);
  });

  it("never counts an unknown settlement as zero: only the sales that have one are in net revenue, and its coverage says how many", () => {
    const partial = kpisByCurrency([
      row({ day: "2026-03-01", amount: 10000, gatewayFee: 300, serviceFee: 500 }),
      { ...row({ day: "2026-03-02", count: 2, amount: 20000, gatewayFee: 300, serviceFee: 500 }), settlement_net: 9500, settlement_known_count: 1 },
      row({ day: "2026-03-03", amount: 5000, feesKnown: 0 }),
    ]).get("XOF")!;
    expect(partial.paidRevenue).toBe(35000);
    expect(partial.netRevenue).toBe(9500 + 9500);
    expect(partial.netKnownCount).toBe(2);
    expect(partial.paidCount).toBe(4);
  });

  it("a settlement known without the gateway fee (a sale Pulse carries no payment fee) still counts in net revenue", () => {
    const pulseOnly = { ...row({ day: "2026-03-01", amount: 10000, serviceFee: 500, settlement: 9500 }), gateway_fee: 0, gateway_fee_known_count: 0 };
    expect(kpisByCurrency([pulseOnly]).get("XOF")).toMatchObject({ netRevenue: 9500, netKnownCount: 1 });
  });

  it("a period without a paid sale converts at 0 and has no average order value", () => {
    const none = kpisByCurrency([row({ day: "2026-03-01", status: "failed", amount: 500 })]).get("XOF")!;
    expect(none.conversion).toBe(0);
    expect(none.averageOrderValue).toBeNull();
  });
});

describe("kpiChanges", () => {
  it("gives relative changes, null where the comparison is zero", () => {
    const now = kpisByCurrency([row({ day: "2026-03-01", count: 3, amount: 15000 })]).get("XOF")!;
    const before = kpisByCurrency([row({ day: "2026-02-01", count: 2, amount: 10000 })]).get("XOF")!;
    const c = kpiChanges(now, before);
    expect(c.paidRevenue).toBeCloseTo(0.5);
    expect(c.paidCount).toBeCloseTo(0.5);
    expect(c.averageOrderValue).toBeCloseTo(0);
    expect(c.failedCount).toBeNull();
    expect(kpiChanges(now, null).paidRevenue).toBeNull();
  });
});

describe("local days at the edges (the mirror buckets by lib/time's localDay)", () => {
  it("Europe/Paris: 23:59 and 00:00 local around the spring DST change land on their own days", () => {
    // 28 March 2026 23:59 CET (UTC+1) = 22:59Z; 29 March 00:00 CET = 23:00Z on the 28th;
    // 29 March 23:59 CEST (UTC+2) = 21:59Z; 30 March 00:00 CEST = 22:00Z on the 29th.
    expect(localDay("2026-03-28T22:59:00Z", "Europe/Paris")).toBe("2026-03-28");
    expect(localDay("2026-03-28T23:00:00Z", "Europe/Paris")).toBe("2026-03-29");
    expect(localDay("2026-03-29T21:59:00Z", "Europe/Paris")).toBe("2026-03-29");
    expect(localDay("2026-03-29T22:00:00Z", "Europe/Paris")).toBe("2026-03-30");
  });

  it("Africa/Abidjan (UTC all year): the local day is the UTC day", () => {
    expect(localDay("2026-03-29T23:59:59Z", "Africa/Abidjan")).toBe("2026-03-29");
    expect(localDay("2026-03-30T00:00:00Z", "Africa/Abidjan")).toBe("2026-03-30");
  });

  it("a sale at 23:59 local counts in that day's bucket, one at 00:00 in the next, whatever the zone", () => {
    const sales = [
      { at: "2026-03-29T21:59:00Z", amount: 1000 }, // 23:59 CEST on the 29th
      { at: "2026-03-29T22:00:00Z", amount: 2000 }, // 00:00 CEST on the 30th
      { at: "2026-03-28T23:00:00Z", amount: 4000 }, // 00:00 CET on the 29th (the 23-hour day)
    ];
    const paris = sales.map((s) => row({ day: localDay(s.at, "Europe/Paris"), currency: "EUR", amount: s.amount }));
    const abidjan = sales.map((s) => row({ day: localDay(s.at, "Africa/Abidjan"), currency: "EUR", amount: s.amount }));
    const range = { from: "2026-03-28", to: "2026-03-30" };
    expect(revenueSeries(paris, "EUR", range, "day", null).map((p) => p.revenue)).toEqual([0, 5000, 2000]);
    expect(revenueSeries(abidjan, "EUR", range, "day", null).map((p) => p.revenue)).toEqual([4000, 3000, 0]);
    expect(kpisByCurrency(paris.filter((r) => r.local_day === "2026-03-29")).get("EUR")!.paidRevenue).toBe(5000);
  });
});

describe("revenueSeries", () => {
  const rows = [
    row({ day: "2026-02-01", amount: 100 }),
    row({ day: "2026-02-28", amount: 200 }),
    row({ day: "2026-03-01", amount: 1000 }),
    row({ day: "2026-03-31", amount: 3000 }),
    row({ day: "2026-03-15", status: "failed", amount: 99999 }),
    row({ day: "2026-03-15", currency: "EUR", amount: 77777 }),
  ];

  it("pairs the comparison by position: March's last 3 days have no February value", () => {
    const series = revenueSeries(rows, "XOF", { from: "2026-03-01", to: "2026-03-31" }, "day", { from: "2026-02-01", to: "2026-02-28" });
    expect(series).toHaveLength(31);
    expect(series[0]).toMatchObject({ bucket: "2026-03-01", revenue: 1000, paidCount: 1, previousBucket: "2026-02-01", previousRevenue: 100 });
    expect(series[27]).toMatchObject({ bucket: "2026-03-28", previousBucket: "2026-02-28", previousRevenue: 200 });
    expect(series[28]).toMatchObject({ bucket: "2026-03-29", previousBucket: null, previousRevenue: null });
    expect(series[30]).toMatchObject({ revenue: 3000 });
    expect(series[14].revenue).toBe(0); // the failed sale and the EUR sale are not XOF paid revenue
  });

  it("reads the comparison from its own rows when the periods overlap (400 days against a year earlier)", () => {
    const current = [row({ day: "2026-03-01", amount: 1000 })];
    const earlier = [row({ day: "2025-03-01", amount: 500 }), row({ day: "2026-03-01", amount: 1000 })];
    const series = revenueSeries(current, "XOF", { from: "2026-03-01", to: "2026-03-02" }, "day", { from: "2025-03-01", to: "2025-03-02" }, earlier);
    expect(series.map((p) => [p.revenue, p.previousRevenue])).toEqual([[1000, 500], [0, 0]]);
  });

  it("sums into months and weeks", () => {
    const months = revenueSeries(rows, "XOF", { from: "2026-03-01", to: "2026-03-31" }, "month", { from: "2026-02-01", to: "2026-02-28" });
    expect(months).toEqual([{ bucket: "2026-03-01", revenue: 4000, paidCount: 2, previousBucket: "2026-02-01", previousRevenue: 300 }]);
    const weeks = revenueSeries(rows, "XOF", { from: "2026-03-01", to: "2026-03-31" }, "week", null);
    expect(weeks[0]).toMatchObject({ bucket: "2026-02-23", revenue: 1000, previousRevenue: null }); // Sun 1 March is in the week of Mon 23 Feb
    expect(weeks.at(-1)).toMatchObject({ bucket: "2026-03-30", revenue: 3000 });
  });
});

describe("breakdownRows", () => {
  const rows = [
    row({ day: "2026-03-01", key: "PROMO10", count: 2, amount: 8820, discount: 980 }),
    row({ day: "2026-03-01", key: "PROMO10", status: "failed", amount: 4410, discount: 490 }),
    row({ day: "2026-03-01", key: UNKNOWN_DIMENSION_VALUE, count: 3, amount: 14700 }),
    row({ day: "2026-03-01", key: "PROMO10", currency: "EUR", amount: 900, discount: 100 }),
  ];

  it("gives uses, revenue, discount given and its average per value, biggest first, one currency", () => {
    const b = breakdownRows(rows, "XOF", new Map([["PROMO10", "Ten percent"]]));
    expect(b.map((r) => r.key)).toEqual([UNKNOWN_DIMENSION_VALUE, "PROMO10"]);
    expect(b[1]).toMatchObject({ label: "Ten percent", paidCount: 2, revenue: 8820, discounts: 980, averageDiscount: 490, attempts: 3 });
    expect(b[1].share).toBeCloseTo(8820 / (8820 + 14700));
  });

  it("labels the mirror's unknown bucket with the same key", () => {
    expect(UNKNOWN_DIMENSION_VALUE).toBe(UNKNOWN_VALUE);
  });
});
