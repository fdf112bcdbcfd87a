// Money helpers: exact major↔minor conversion per ISO 4217 exponent, formatting, currency guard.
import { describe, expect, it } from "vitest";
import { addMoney, currencyExponent, formatMoney, minorBound, MoneyError, parseMinor, subtractMoney, toMajorString, toMinor } from "@/lib/money";

// Intl separates groups and symbols with narrow/no-break spaces; normalise them to compare readably.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("currencyExponent", () => {
  it.each([
    ["XOF", 0],
    ["XAF", 0],
    ["JPY", 0],
    ["USD", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["KWD", 3],
    ["BHD", 3],
    ["xof", 0],
  ])("%s has %i decimals", (code, exp) => expect(currencyExponent(code)).toBe(exp));

  it("rejects codes that are not three letters", () => {
    expect(() => currencyExponent("US")).toThrow(MoneyError);
    expect(() => currencyExponent("EURO")).toThrow(MoneyError);
  });
});

describe("toMinor", () => {
  it("converts major numbers without float drift", () => {
    expect(toMinor(79.2, "USD")).toBe(7920);
    expect(toMinor(19.8, "USD")).toBe(1980);
    expect(toMinor(1.15, "EUR")).toBe(115); // 1.15 * 100 = 114.99999999999999 in floats
    expect(toMinor(4900, "XOF")).toBe(4900);
    expect(toMinor(1000, "JPY")).toBe(1000);
    expect(toMinor(1.234, "KWD")).toBe(1234);
    expect(toMinor(0.005, "BHD")).toBe(5);
  });

  it("reads float noise as the value the sender meant", () => {
    expect(toMinor(0.1 + 0.2, "USD")).toBe(30);
    expect(toMinor(1.1 * 3, "EUR")).toBe(330);
  });

  it("parses decimal strings exactly, including trailing zeros", () => {
    expect(toMinor("79.20", "USD")).toBe(7920);
    expect(toMinor("4900", "XOF")).toBe(4900);
    expect(toMinor("4900.00", "XOF")).toBe(4900);
    expect(toMinor("12345678901234.56", "EUR")).toBe(1234567890123456);
    expect(toMinor("1e2", "USD")).toBe(10000);
  });

  it("refuses precision the currency does not have", () => {
    expect(() => toMinor(79.255, "USD")).toThrow(/more than 2/);
    expect(() => toMinor("4900.5", "XOF")).toThrow(MoneyError);
  });

  it("refuses negative amounts unless allowed, and garbage", () => {
    expect(() => toMinor(-1, "USD")).toThrow(/Negative/);
    expect(toMinor(-1.5, "USD", { allowNegative: true })).toBe(-150);
    expect(() => toMinor("abc", "USD")).toThrow(MoneyError);
    expect(() => toMinor("", "USD")).toThrow(MoneyError);
    expect(() => toMinor(Number.NaN, "USD")).toThrow(MoneyError);
    expect(() => toMinor(Infinity, "USD")).toThrow(MoneyError);
    expect(() => toMinor(1e20, "USD")).toThrow(/safe integer/);
    expect(() => toMinor(1, "??")).toThrow(MoneyError);
  });
});

describe("minorBound (a filter's amount, on whole minor units)", () => {
  it("is exact when the bound has no more decimals than the currency", () => {
    expect(minorBound("79.20", "EUR", "up")).toBe(7920);
    expect(minorBound("79.20", "EUR", "down")).toBe(7920);
    expect(minorBound("4900", "XOF", "up")).toBe(4900);
    expect(minorBound("1.5", "KWD", "down")).toBe(1500);
  });

  it("rounds a finer bound inward: ≥ 1.5 F CFA is ≥ 2, ≤ 1.5 F CFA is ≤ 1 (never a MoneyError)", () => {
    expect(minorBound("1.5", "XOF", "up")).toBe(2);
    expect(minorBound("1.5", "XOF", "down")).toBe(1);
    expect(minorBound("0.001", "EUR", "up")).toBe(1);
    expect(minorBound("0.001", "EUR", "down")).toBe(0);
    expect(minorBound("2.0000", "XOF", "up")).toBe(2);
  });

  it("stays a safe integer", () => {
    expect(minorBound("99999999999.9999", "CLF", "up")).toBe(999_999_999_999_999);
    expect(minorBound("9".repeat(20), "CLF", "up")).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("parseMinor (older `amount` in minor units)", () => {
  it("accepts integers written as numbers or strings", () => {
    expect(parseMinor(7920)).toBe(7920);
    expect(parseMinor("7920")).toBe(7920);
    expect(parseMinor(1250.0)).toBe(1250);
  });
  it("rejects fractional minor units", () => {
    expect(() => parseMinor(79.2)).toThrow(MoneyError);
  });
});

describe("toMajorString", () => {
  it("renders exact decimals with the currency's exponent", () => {
    expect(toMajorString({ minor: 7920, currency: "USD" })).toBe("79.20");
    expect(toMajorString({ minor: 5, currency: "USD" })).toBe("0.05");
    expect(toMajorString({ minor: 4900, currency: "XOF" })).toBe("4900");
    expect(toMajorString({ minor: 1234, currency: "KWD" })).toBe("1.234");
    expect(toMajorString({ minor: -150, currency: "EUR" })).toBe("-1.50");
  });
});

describe("formatMoney", () => {
  it("formats in French with the currency's own decimals", () => {
    expect(plain(formatMoney({ minor: 4900, currency: "XOF" }, "fr"))).toBe("4 900 XOF");
    expect(plain(formatMoney({ minor: 123450, currency: "EUR" }, "fr"))).toBe("1 234,50 €");
    expect(plain(formatMoney({ minor: 1000, currency: "XAF" }, "fr"))).toBe("1 000 XAF");
  });

  it("tells the two CFA francs apart by their ISO code in both languages (ICU's 'F CFA' and 'FCFA' differ by a space)", () => {
    for (const locale of ["fr", "en", "en-GB"]) {
      const xof = formatMoney({ minor: 12500, currency: "XOF" }, locale);
      const xaf = formatMoney({ minor: 12500, currency: "XAF" }, locale);
      expect(xof).not.toBe(xaf);
      expect(xof).toMatch(/XOF/);
      expect(xaf).toMatch(/XAF/);
      expect(xof).not.toMatch(/CFA/);
    }
    expect(plain(formatMoney({ minor: 12500, currency: "XOF" }, "fr"))).toBe("12 500 XOF");
    expect(plain(formatMoney({ minor: 12500, currency: "XAF" }, "fr"))).toBe("12 500 XAF");
    expect(plain(formatMoney({ minor: 12500, currency: "XOF" }, "en"))).toBe("XOF 12,500");
    expect(plain(formatMoney({ minor: 12500, currency: "XAF" }, "en"))).toBe("XAF 12,500");
  });

  it("formats in English with the currency's symbol, the CFA francs with their code", () => {
    expect(plain(formatMoney({ minor: 4900, currency: "XOF" }, "en"))).toBe("XOF 4,900");
    expect(plain(formatMoney({ minor: 490000, currency: "XOF" }, "en-GB"))).toBe("XOF 490,000");
    expect(formatMoney({ minor: 123450, currency: "EUR" }, "en")).toBe("€1,234.50");
    expect(formatMoney({ minor: 7920, currency: "USD" }, "en")).toBe("$79.20");
  });

  it("keeps every digit of large amounts (no float round-trip)", () => {
    expect(formatMoney({ minor: 900719925474099, currency: "USD" }, "en")).toBe("$9,007,199,254,740.99");
  });

  it("shows three decimals for KWD and none for JPY", () => {
    expect(formatMoney({ minor: 1234, currency: "KWD" }, "en")).toMatch(/1\.234/);
    expect(formatMoney({ minor: 1000, currency: "JPY" }, "en")).toBe("¥1,000");
  });
});

describe("addMoney", () => {
  it("adds amounts of one currency exactly", () => {
    expect(addMoney({ minor: 7920, currency: "USD" }, { minor: 80, currency: "USD" })).toEqual({ minor: 8000, currency: "USD" });
    expect(subtractMoney({ minor: 9900, currency: "USD" }, { minor: 1980, currency: "USD" })).toEqual({ minor: 7920, currency: "USD" });
  });

  it("throws when adding two currencies", () => {
    expect(() => addMoney({ minor: 4900, currency: "XOF" }, { minor: 100, currency: "EUR" })).toThrow(/Cannot add EUR to XOF/);
  });

  it("throws on non-integer minor amounts", () => {
    expect(() => addMoney({ minor: 1.5, currency: "USD" })).toThrow(MoneyError);
  });
});
