// Payout grouping: local due day in the store timezone (a UTC zone and a DST zone), currencies kept
// apart (XOF has no decimals, EUR two), unknown settlements counted, overdue = past due and not done.
import { describe, expect, it } from "vitest";
import { groupSettlements, isSaleOverdue, nextPayouts, payoutStatus, type SettlementSale } from "@/lib/settlements/group-settlements";

const sale = (o: Partial<SettlementSale>): SettlementSale => ({ currency: "XOF", amount: 10_000, gatewayFee: 300, serviceFee: 500, net: 9_200, dueAt: "2026-03-10T00:00:00Z", doneAt: null, ...o });
const NOW = new Date("2026-03-20T12:00:00Z");

describe("groupSettlements", () => {
  it("puts the sales of one local due day into one payout per currency, never adding currencies", () => {
    const { groups, totals } = groupSettlements(
      [
        sale({}),
        sale({ amount: 5_000, gatewayFee: 150, serviceFee: 250, net: 4_600 }),
        sale({ currency: "EUR", amount: 7_920, gatewayFee: 237, serviceFee: 396, net: 7_287 }),
      ],
      "Africa/Abidjan",
      NOW,
    );
    expect(groups).toHaveLength(2);
    const xof = groups.find((g) => g.currency === "XOF");
    expect(xof).toMatchObject({ dueDay: "2026-03-10", salesCount: 2, gross: 15_000, gatewayFee: 450, serviceFee: 750, net: 13_800 });
    expect(groups.find((g) => g.currency === "EUR")).toMatchObject({ salesCount: 1, gross: 7_920, net: 7_287 });
    // Effective fee rate: (15 000 − 13 800) / 15 000 = 8 % (these sales' settlements deduct both fees).
    expect(totals.find((t) => t.currency === "XOF")?.effectiveFeeRate).toBeCloseTo(0.08, 10);
    expect(totals.find((t) => t.currency === "EUR")?.effectiveFeeRate).toBeCloseTo(633 / 7_920, 10);
  });

  it("buckets by the store's local day: the same instants split differently in Abidjan (UTC) and Paris (DST)", () => {
    // 2026-03-28T23:30Z is the 28th in Abidjan but the 29th in Paris (UTC+1); 2026-03-29T22:30Z is the
    // 29th in Abidjan and the 30th in Paris, which switched to UTC+2 that night.
    const sales = [sale({ dueAt: "2026-03-28T23:30:00Z" }), sale({ dueAt: "2026-03-29T00:30:00Z" }), sale({ dueAt: "2026-03-29T22:30:00Z" })];
    const abidjan = groupSettlements(sales, "Africa/Abidjan", NOW).groups.map((g) => [g.dueDay, g.salesCount]);
    const paris = groupSettlements(sales, "Europe/Paris", NOW).groups.map((g) => [g.dueDay, g.salesCount]);
    expect(abidjan).toEqual([["2026-03-29", 2], ["2026-03-28", 1]]);
    expect(paris).toEqual([["2026-03-30", 1], ["2026-03-29", 2]]);
  });

  it("the net is Chariow's settlement amount and the fee rate (gross − net) ÷ gross, whatever the reported fees add up to (seed 001)", () => {
    // Seed 001: 79.20 paid, 2.37 gateway fee, 3.96 service fee, settlement 75.24 — Chariow kept 3.96, not 6.33.
    const { groups, totals } = groupSettlements([sale({ currency: "USD", amount: 7_920, gatewayFee: 237, serviceFee: 396, net: 7_524 })], "Africa/Abidjan", NOW);
    expect(groups[0]).toMatchObject({ gross: 7_920, net: 7_524, deducted: 396, gatewayFee: 237, serviceFee: 396 });
    expect(totals[0]).toMatchObject({ gross: 7_920, net: 7_524, deducted: 396 });
    expect(totals[0]!.effectiveFeeRate).toBeCloseTo(396 / 7_920, 10);
  });

  it("counts paid sales without a known settlement apart; a sale without its settlement amount is left out of the sums, one without a reported fee is not", () => {
    const { groups, unknown } = groupSettlements(
      [sale({ dueAt: null }), sale({ dueAt: null, amount: 2_500 }), sale({ currency: "EUR", dueAt: null, amount: 990 }), sale({ gatewayFee: null }), sale({ net: null })],
      "Africa/Abidjan",
      NOW,
    );
    expect(unknown).toEqual([
      { currency: "EUR", salesCount: 1, gross: 990 },
      { currency: "XOF", salesCount: 2, gross: 12_500 },
    ]);
    // The fee-less sale (a Pulse carries no gateway fee) is in gross and net; its gateway fee column is
    // unknown rather than a partial sum; the sale without a settlement amount is incomplete.
    expect(groups).toEqual([expect.objectContaining({ salesCount: 2, incompleteCount: 1, gross: 10_000, net: 9_200, deducted: 800, gatewayFee: null, serviceFee: 500 })]);
  });

  it("a payout is settled when every sale is done, overdue when past due with one not done, else due", () => {
    const { groups } = groupSettlements(
      [
        sale({ dueAt: "2026-03-10T00:00:00Z", doneAt: "2026-03-11T09:00:00Z" }),
        sale({ dueAt: "2026-03-10T00:00:00Z", doneAt: "2026-03-12T09:00:00Z" }),
        sale({ dueAt: "2026-03-15T00:00:00Z", doneAt: "2026-03-15T09:00:00Z" }),
        sale({ dueAt: "2026-03-15T00:00:00Z", doneAt: null }),
        sale({ dueAt: "2026-03-23T00:00:00Z" }),
      ],
      "Africa/Abidjan",
      NOW,
    );
    expect(groups.map((g) => [g.dueDay, g.status, g.doneAt, g.settledCount])).toEqual([
      ["2026-03-23", "due", null, 0],
      ["2026-03-15", "overdue", null, 1],
      ["2026-03-10", "settled", "2026-03-12T09:00:00Z", 2],
    ]);
  });
});

describe("overdue and next payout", () => {
  it("a sale is overdue only past its due instant and without a payout", () => {
    expect(isSaleOverdue({ dueAt: "2026-03-20T11:59:59Z", doneAt: null }, NOW)).toBe(true);
    expect(isSaleOverdue({ dueAt: "2026-03-20T12:00:01Z", doneAt: null }, NOW)).toBe(false);
    expect(isSaleOverdue({ dueAt: "2026-03-01T00:00:00Z", doneAt: "2026-03-02T00:00:00Z" }, NOW)).toBe(false);
    expect(isSaleOverdue({ dueAt: null, doneAt: null }, NOW)).toBe(false);
    expect(payoutStatus("2026-03-20T11:00:00Z", false, NOW)).toBe("overdue");
  });

  it("the next payout per currency is the earliest unpaid group due today or later", () => {
    const { groups } = groupSettlements(
      [sale({ dueAt: "2026-03-25T00:00:00Z" }), sale({ dueAt: "2026-03-22T00:00:00Z" }), sale({ dueAt: "2026-03-19T00:00:00Z" }), sale({ currency: "EUR", amount: 990, net: 900, dueAt: "2026-03-24T00:00:00Z" })],
      "Africa/Abidjan",
      NOW,
    );
    expect(nextPayouts(groups, "2026-03-20").map((g) => [g.currency, g.dueDay, g.net])).toEqual([
      ["EUR", "2026-03-24", 900],
      ["XOF", "2026-03-22", 9_200],
    ]);
  });
});
