// rollupParts covers every local day of a range exactly once — whole months by the monthly table, the
// rest by the daily one — checked day by day against the range itself over seeded random ranges, open ends
// and the calendar's edges (leap February, 31-day months, year ends).
import { describe, expect, it } from "vitest";
import { rollupParts, type RollupPart } from "@/lib/analytics/rollup-periods";

const FIRST = "2023-11-01";
const LAST = "2025-03-31";

function day(i: number): string {
  return new Date(Date.UTC(2023, 10, 1) + i * 86_400_000).toISOString().slice(0, 10);
}
const DAYS = Array.from({ length: 517 }, (_, i) => day(i)).filter((d) => d <= LAST);

/** The days of the universe a part covers, computed from the calendar, not from the code under test. */
function covered(part: RollupPart): string[] {
  return DAYS.filter((d) => {
    const key = part.table === "sales_rollup_daily" ? d : d.slice(0, 7);
    return (part.from === null || key >= part.from) && (part.to === null || key <= part.to);
  });
}

function lastOfMonth(d: string): boolean {
  return new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)) + 1)).getUTCDate() === 1;
}

function check(from: string | null, to: string | null): void {
  const parts = rollupParts(from, to);
  const seen = parts.flatMap(covered);
  const expected = DAYS.filter((d) => (from === null || d >= from) && (to === null || d <= to));
  expect(seen.sort(), `${from}..${to}`).toEqual(expected);
  expect(new Set(seen).size).toBe(seen.length); // no day twice
  for (const p of parts) {
    if (p.table !== "sales_rollup_monthly") continue;
    // A monthly part is only used for months entirely inside the range.
    for (const d of covered(p)) expect(from === null || d >= from).toBe(true);
  }
  // Daily parts never span a whole month that the monthly table could answer.
  for (const p of parts.filter((x) => x.table === "sales_rollup_daily")) {
    const ds = covered(p);
    if (ds.length > 0) expect(ds[0].endsWith("-01") && lastOfMonth(ds[ds.length - 1]) && ds[0].slice(0, 7) === ds[ds.length - 1].slice(0, 7)).toBe(false);
  }
}

describe("rollupParts", () => {
  it("covers each day of random ranges exactly once", () => {
    let seed = 17;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 2000; i++) {
      const a = DAYS[Math.floor(rnd() * DAYS.length)];
      const b = DAYS[Math.floor(rnd() * DAYS.length)];
      check(a < b ? a : b, a < b ? b : a);
    }
  });

  it("handles month edges, single days, open ends and empty ranges", () => {
    const cases: Array<[string | null, string | null]> = [
      ["2024-02-01", "2024-02-29"], ["2024-02-01", "2024-02-28"], ["2024-02-02", "2024-02-29"], ["2024-01-31", "2024-03-01"],
      ["2024-12-31", "2025-01-01"], ["2024-05-15", "2024-05-15"], ["2024-05-01", "2024-05-01"], ["2024-05-31", "2024-05-31"],
      [null, "2024-06-10"], [null, "2024-06-30"], ["2024-06-10", null], ["2024-06-01", null], [null, null], [FIRST, LAST],
    ];
    for (const [from, to] of cases) check(from, to);
    expect(rollupParts("2024-02-01", "2024-02-29")).toEqual([{ table: "sales_rollup_monthly", column: "local_month", from: "2024-02", to: "2024-02" }]);
    expect(rollupParts("2024-03-05", "2024-03-04")).toEqual([]);
  });
});
