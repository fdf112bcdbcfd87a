// A Revenue breakdown sorted as its table asks: by a figure either way with unknown averages last, by
// the name shown in the member's language, ties in the service's order.
import { describe, expect, it } from "vitest";
import { sortBreakdownRows } from "@/lib/analytics/breakdown-page";
import type { BreakdownRow } from "@/lib/analytics/schemas";

const row = (key: string, paidCount: number, averageDiscount: number | null, attempts = 1): BreakdownRow => ({
  key, label: null, paidCount, revenue: paidCount * 100, discounts: 0, averageDiscount, attempts, share: null,
});
const rows = [row("a", 3, 50), row("b", 0, null, 4), row("c", 1, 200), row("d", 1, 10, 4)];
const keys = (list: BreakdownRow[]) => list.map((r) => r.key);
const names: Record<string, string> = { a: "Éthiopie", b: "bénin", c: "Zambie", d: "Angola" };

describe("sortBreakdownRows", () => {
  it("by a figure, either way; an unknown average sorts last both ways", () => {
    expect(keys(sortBreakdownRows(rows, { column: "averageDiscount", dir: "desc" }, (r) => r.key, "fr"))).toEqual(["c", "a", "d", "b"]);
    expect(keys(sortBreakdownRows(rows, { column: "averageDiscount", dir: "asc" }, (r) => r.key, "fr"))).toEqual(["d", "a", "c", "b"]);
  });

  it("ties keep the service's order", () => {
    expect(keys(sortBreakdownRows(rows, { column: "attempts", dir: "desc" }, (r) => r.key, "fr"))).toEqual(["b", "d", "a", "c"]);
    expect(keys(sortBreakdownRows(rows, { column: "paidCount", dir: "asc" }, (r) => r.key, "fr"))).toEqual(["b", "c", "d", "a"]);
  });

  it("by the name shown, accents and case as a French reader sorts them; an unknown column is revenue", () => {
    expect(keys(sortBreakdownRows(rows, { column: "label", dir: "asc" }, (r) => names[r.key]!, "fr"))).toEqual(["d", "b", "a", "c"]);
    expect(keys(sortBreakdownRows(rows, { column: "nope", dir: "desc" }, (r) => r.key, "fr"))).toEqual(["a", "c", "d", "b"]);
  });
});
