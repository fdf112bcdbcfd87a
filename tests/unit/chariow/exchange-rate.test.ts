// The exchange rate in every shape Chariow has sent it (chariow-api.md §4, seed 001, an independent mock):
// a rate of one unit reads 1 whether the legacy money shape carries it in minor or major units.
import { describe, expect, it } from "vitest";
import { rateNumberSchema } from "@/lib/chariow/schemas/common";
import { itemEnvelope, saleDetailPayload } from "../../factories/chariow-payloads";
import { testClient } from "./test-client";

const rate = (input: unknown) => rateNumberSchema.parse(input);

describe("legacy money-shaped rate {amount, currency, formatted}", () => {
  it("seed 001's {amount: 1.0, formatted: \"$1.00\"} is already the rate: 1", () => {
    expect(rate({ amount: 1.0, currency: "USD", formatted: "$1.00" })).toBe(1);
  });

  it("minor units like every legacy amount, {amount: 100, formatted: \"$1.00\"}: 1", () => {
    expect(rate({ amount: 100, currency: "USD", formatted: "$1.00" })).toBe(1);
    expect(rate({ amount: 150, currency: "EUR", formatted: "€1.50" })).toBe(1.5);
  });

  it("a zero-decimal currency has nothing to divide: XOF 1 and 656 stay 1 and 656", () => {
    expect(rate({ amount: 1, currency: "XOF", formatted: "F CFA 1" })).toBe(1);
    expect(rate({ amount: 656, currency: "XOF", formatted: "F CFA 656" })).toBe(656);
  });

  it("the currency's own exponent: KWD has three decimals", () => {
    expect(rate({ amount: 1000, currency: "KWD", formatted: "KWD 1.000" })).toBe(1);
    expect(rate({ amount: 1, currency: "KWD", formatted: "KWD 1.000" })).toBe(1);
  });

  it("without formatted, minor units (§4): 100 USD cents is 1, 1 cent is 0.01", () => {
    expect(rate({ amount: 100, currency: "USD" })).toBe(1);
    expect(rate({ amount: 1, currency: "USD", formatted: null })).toBe(0.01);
  });

  it("a fractional amount cannot be minor units; without a currency there is no unit to convert by", () => {
    expect(rate({ amount: 655.957, currency: "EUR", formatted: "€655.96" })).toBe(655.957);
    expect(rate({ amount: 100 })).toBe(100);
  });
});

describe("current rate shapes (major, unchanged)", () => {
  it("a number, a numeric string and {value}", () => {
    expect(rate(1)).toBe(1);
    expect(rate("1.5")).toBe(1.5);
    expect(rate({ value: 1, formatted: "$1.00", short: "1", currency: "USD" })).toBe(1);
  });
});

describe("through the client", () => {
  it("a legacy sale detail with the rate in minor units reads 1", async () => {
    const payload = saleDetailPayload({ id: "sal_rate", currency: "USD" }, "legacy") as { payment: Record<string, unknown> };
    payload.payment.exchange_rate = { amount: 100, currency: "USD", formatted: "$1.00" };
    const { client } = testClient(() => ({ body: itemEnvelope(payload) }));
    expect((await client.getSale("sal_rate")).payment?.exchangeRate).toBe(1);
  });
});
