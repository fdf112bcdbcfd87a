// Unit tests of the simulator's building blocks: money formatting, seed 001's economics, reversible
// ids, cursors, PHP-style JSON escaping and the --faults parser.
import { describe, expect, it } from "vitest";
import { DISCOUNTS, PRODUCTS } from "../../../simulator/catalog";
import { parseFaults } from "../../../simulator/faults";
import { formatMoney } from "../../../simulator/money";
import { decodeCursor, encodeCursor, pageDesc } from "../../../simulator/pagination";
import { Scrambler, makeId, parseId } from "../../../simulator/prng";
import { phpJson } from "../../../simulator/pulse-payloads";
import { economics } from "../../../simulator/sale-model";

describe("money", () => {
  it("formats like Chariow", () => {
    expect(formatMoney(4900, "XOF")).toBe("F CFA 4,900");
    expect(formatMoney(1000, "XAF")).toBe("FCFA 1,000");
    expect(formatMoney(7920, "USD")).toBe("$79.20");
    expect(formatMoney(1250, "EUR")).toBe("€12.50");
    expect(formatMoney(123456789, "USD")).toBe("$1,234,567.89");
    expect(formatMoney(5, "EUR")).toBe("€0.05");
  });

  it("reproduces seed 001: 99.00 − 20 % = 79.20, gateway 2.37, service 3.96, net 75.24", () => {
    const product = PRODUCTS.find((p) => p.price.USD === 9900)!;
    const save20 = DISCOUNTS.find((d) => d.code === "SAVE20")!;
    expect(economics(product, "USD", save20)).toEqual({ original: 9900, discount: 1980, amount: 7920, gatewayFee: 237, serviceFee: 396, net: 7524 });
  });

  it("fixed discounts never exceed the price and XOF stays integral", () => {
    const fixed = DISCOUNTS.find((d) => d.type === "fixed")!;
    for (const p of PRODUCTS) {
      for (const c of ["XOF", "XAF", "EUR", "USD"] as const) {
        const e = economics(p, c, fixed);
        expect(e.amount).toBeGreaterThanOrEqual(0);
        for (const v of Object.values(e)) expect(Number.isInteger(v)).toBe(true);
      }
    }
  });
});

describe("ids and cursors", () => {
  it("ids decode back to their index and reject forgeries", () => {
    const s = new Scrambler(99);
    for (const i of [0, 1, 2, 41, 99_999, 999_999, 4_000_000]) {
      const id = makeId("sal_", s, i, 7);
      expect(id).toMatch(/^sal_[0-9a-z]{10}$/);
      expect(parseId("sal_", s, id, 7)).toBe(i);
      expect(parseId("sal_", s, id.toUpperCase().replace("SAL_", "sal_"), 7)).toBe(i);
    }
    const id = makeId("sal_", s, 5, 7);
    expect(parseId("sal_", s, id.slice(0, -1) + (id.endsWith("a") ? "b" : "a"), 7)).toBeNull();
    expect(parseId("sal_", s, "sal_abc", 7)).toBeNull();
    expect(parseId("cus_", s, id, 7)).toBeNull();
  });

  it("cursors are base64 JSON like eyJpZCI6NTB9 and invalid ones are refused", () => {
    expect(encodeCursor({ id: 50, next: true })).toBe("eyJpZCI6NTB9");
    expect(decodeCursor("eyJpZCI6NTB9")).toEqual({ id: 50, next: true });
    expect(decodeCursor(encodeCursor({ id: 7, next: false }))).toEqual({ id: 7, next: false });
    for (const bad of ["", "%%", "bm90IGpzb24=", Buffer.from('{"id":-1}').toString("base64"), Buffer.from('{"id":"x"}').toString("base64")]) expect(decodeCursor(bad)).toBeNull();
  });

  it("keyset pages walk downwards without overlap and back up with prev", () => {
    const even = (i: number) => i % 2 === 0;
    const p1 = pageDesc(0, 20, even, 3, null);
    expect(p1.items).toEqual([18, 16, 14]);
    const p2 = pageDesc(0, 20, even, 3, decodeCursor(p1.nextCursor!));
    expect(p2.items).toEqual([12, 10, 8]);
    expect(pageDesc(0, 20, even, 3, decodeCursor(p2.prevCursor!)).items).toEqual([18, 16, 14]);
    const last = pageDesc(0, 20, even, 3, decodeCursor(pageDesc(0, 20, even, 3, decodeCursor(p2.nextCursor!)).nextCursor!));
    expect(last).toMatchObject({ items: [0], hasMore: false, nextCursor: null });
  });
});

describe("PHP JSON escaping", () => {
  it("escapes slashes and non-ASCII like json_encode", () => {
    expect(phpJson({ url: "https://x.com/a", name: "Côte d'Ivoire", e: "€" })).toBe('{"url":"https:\\/\\/x.com\\/a","name":"C\\u00f4te d\'Ivoire","e":"\\u20ac"}');
    const v = { s: "Savoirs Numériques 🚀 / ok" };
    expect(JSON.parse(phpJson(v))).toEqual(v);
    expect(phpJson(v)).not.toBe(JSON.stringify(v));
  });
});

describe("--faults parser", () => {
  it("reads every fault kind and rejects unknown ones", () => {
    expect(parseFaults("5xx=0.1,html=0.05,slow=200,slowrate=0.5,timeout=0.02,drop=0.01,storm=5,drift,seed=3")).toEqual({
      errorRate: 0.1, htmlRate: 0.05, slowMs: 200, slowRate: 0.5, timeoutRate: 0.02, dropRate: 0.01, storm429: 5, drift: true, seed: 3,
    });
    expect(parseFaults("drift=extra")).toEqual({ drift: { extraFields: true } });
    expect(() => parseFaults("bogus=1")).toThrow(/unknown fault/);
    expect(() => parseFaults("5xx=abc")).toThrow();
  });
});
