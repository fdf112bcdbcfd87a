// The payout calendar's days (weeks start on Monday, the month grid is whole weeks) and the page's URL keys
// for the calendar and the statement: a bad month or day is cleared and named, never an error.
import { describe, expect, it } from "vitest";
import { parsePageQuery } from "@/lib/http/page-query";
import { monthGrid, shiftMonth, weekDays, weekOf, weekStart } from "@/lib/settlements/payout-calendar";
import { payoutCalendarSchema, statementChoiceSchema } from "@/lib/settlements/schemas";

describe("payout calendar days", () => {
  it("starts weeks on Monday", () => {
    expect(weekStart("2026-04-06")).toBe("2026-04-06"); // a Monday
    expect(weekStart("2026-04-12")).toBe("2026-04-06"); // its Sunday
    expect(weekStart("2026-04-08")).toBe("2026-04-06");
    expect(weekStart("2026-01-01")).toBe("2025-12-29"); // across a year
    expect(weekOf("2026-03-01")).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(weekDays("2026-03-31")).toEqual(["2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-03", "2026-04-04", "2026-04-05"]);
  });

  it("lays a month out in whole weeks", () => {
    // March 2026 begins on a Sunday and ends on a Tuesday: six rows, 23 February to 5 April.
    const march = monthGrid("2026-03");
    expect(march.from).toBe("2026-02-23");
    expect(march.to).toBe("2026-04-05");
    expect(march.weeks).toHaveLength(6);
    expect(march.weeks.every((w) => w.length === 7)).toBe(true);
    expect(march.weeks[1]![0]).toBe("2026-03-02");
    // February 2027 begins on a Monday and ends on a Sunday: exactly four rows.
    const feb = monthGrid("2027-02");
    expect([feb.from, feb.to, feb.weeks.length]).toEqual(["2027-02-01", "2027-02-28", 4]);
  });

  it("moves by months across years", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-03", 0)).toBe("2026-03");
  });
});

describe("the Payouts page's calendar and statement keys", () => {
  it("keeps good values and clears bad ones by name", () => {
    expect(parsePageQuery(payoutCalendarSchema, { month: "2026-03", week: "2026-04-08" })).toEqual({ value: { month: "2026-03", week: "2026-04-08" }, cleared: [] });
    expect(parsePageQuery(payoutCalendarSchema, { month: "2026-13", week: "2026-02-30" })).toEqual({ value: { month: undefined, week: undefined }, cleared: ["month", "week"] });
    expect(parsePageQuery(payoutCalendarSchema, { month: "9999-01" }).cleared).toEqual(["month"]);
    expect(parsePageQuery(payoutCalendarSchema, { month: "", week: "" })).toEqual({ value: { month: undefined, week: undefined }, cleared: [] });
    expect(parsePageQuery(statementChoiceSchema, { statement_month: "2026-3", statement_currency: "xof" }).cleared).toEqual(["statement_month", "statement_currency"]);
    expect(parsePageQuery(statementChoiceSchema, { statement_month: "2026-03", statement_currency: "XOF" }).value).toEqual({ statement_month: "2026-03", statement_currency: "XOF" });
  });
});
