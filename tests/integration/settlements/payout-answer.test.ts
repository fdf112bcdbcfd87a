// The answer the Payouts page opens on (issue 16), over the real mirror on both engines: next payout per
// currency, what is still due this week (Monday to Sunday in the store's zone) and what is late — each sum
// written by hand from the sales below, and each payout equal to the timeline's own group to the minor unit
// (a payout is the whole day: a sale already paid out counts in its day's payout, as on the timeline).
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { getNextPayouts, getPayoutAnswer, listSettlements } from "@/lib/settlements";
import { listStatementCurrencies } from "@/lib/settlements/statement";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const paid = (id: string, net: number, dueAt: string, o: Partial<SaleFacts> = {}): SaleFacts => ({
  id, status: "completed", currency: "XOF", originalMinor: net + 800, gatewayFeeMinor: 300, serviceFeeMinor: 500, settlementNetMinor: net,
  createdAt: "2026-03-01T10:00:00Z", completedAt: "2026-03-01T10:05:00Z", settlementDueAt: dueAt, ...o,
});
const paidOut = (doneAt: string): Partial<SaleFacts> => ({ status: "settled", settlementDoneAt: doneAt });

describeEachEngine("Payouts answer", ({ db }) => {
  const seed = (facts: SaleFacts[], zone: string) => upsertSales(db().db, facts.map(saleDetail), { source: "detail", receivedAt: "2026-04-01T00:00:00Z", timeZone: zone });

  it("gives the next payout, this week's and the late ones per currency, as the timeline counts them", async () => {
    const ZONE = "Europe/Paris";
    const NOW = new Date("2026-04-08T10:00:00Z"); // Wednesday; this week: 6–12 April
    await seed(
      [
        paid("x1", 9_200, "2026-03-20T09:00:00Z"), // late since 20 March
        paid("x2", 4_600, "2026-04-07T09:00:00Z"), // 7 April: one sale not paid out…
        paid("x3", 2_760, "2026-04-07T10:00:00Z", paidOut("2026-04-07T12:00:00Z")), // …the other paid out: the payout is late, whole
        paid("x4", 18_400, "2026-04-09T09:00:00Z"), // 9 April: the next XOF payout, whole…
        paid("x5", 920, "2026-04-09T11:00:00Z", paidOut("2026-04-08T09:00:00Z")), // …with a sale paid out early
        paid("x6", 46_000, "2026-04-12T20:00:00Z"), // Sunday 22:00 in Paris: this week
        paid("x7", 1_840, "2026-04-12T22:30:00Z"), // Monday 00:30 in Paris: next week
        paid("x8", 1_000_000, "2026-06-20T09:00:00Z"), // beyond the next 60 days
        paid("e1", 7_287, "2026-04-15T09:00:00Z", { currency: "EUR" }),
        paid("e2", 5_000, "2026-04-01T09:00:00Z", { currency: "EUR", ...paidOut("2026-04-01T12:00:00Z") }), // paid out: nothing owed
      ],
      ZONE,
    );
    const answer = await getPayoutAnswer(db().db, ZONE, NOW);
    expect(answer.today).toBe("2026-04-08");
    expect(answer.week).toEqual({ from: "2026-04-06", to: "2026-04-12" });
    expect(answer.next.map((g) => [g.currency, g.dueDay, g.net, g.salesCount, g.status])).toEqual([
      ["EUR", "2026-04-15", 7_287, 1, "due"],
      ["XOF", "2026-04-09", 18_400 + 920, 2, "due"],
    ]);
    expect(answer.dueThisWeek).toEqual([{ currency: "XOF", net: 18_400 + 920 + 46_000, gross: 19_200 + 1_720 + 46_800, days: 2, salesCount: 3, incompleteCount: 0, firstDay: "2026-04-09", lastDay: "2026-04-12" }]);
    expect(answer.late).toEqual([{ currency: "XOF", net: 9_200 + 4_600 + 2_760, gross: 10_000 + 5_400 + 3_560, days: 2, salesCount: 3, incompleteCount: 0, firstDay: "2026-03-20", lastDay: "2026-04-07" }]);
    // The Overview's card (and GET /api/settlements/next) gives the same whole payouts.
    expect(await getNextPayouts(db().db, ZONE, NOW)).toEqual(answer.next);

    // Each payout is the timeline's own group, to the minor unit.
    const timeline = await listSettlements(db().db, { from: "2026-03-01", to: "2026-04-30" }, ZONE, NOW);
    const onTimeline = (currency: string, day: string) => timeline.groups.find((g) => g.currency === currency && g.dueDay === day);
    for (const g of answer.next) expect(g).toEqual(onTimeline(g.currency, g.dueDay));
    const sum = (status: string, from: string, to: string) => timeline.groups.filter((g) => g.currency === "XOF" && g.status === status && g.dueDay >= from && g.dueDay <= to).reduce((n, g) => n + g.net, 0);
    expect(answer.dueThisWeek[0]!.net).toBe(sum("due", "2026-04-06", "2026-04-12"));
    expect(answer.late[0]!.net).toBe(sum("overdue", "2026-03-01", "2026-04-30"));
  });

  it("takes this week in the store's zone: late on Sunday evening is already Monday in Paris", async () => {
    const NOW = new Date("2026-04-05T22:30:00Z"); // Sunday 22:30 in Abidjan, Monday 00:30 in Paris
    const facts = [
      paid("y1", 1_000, "2026-04-05T23:00:00Z"), // Abidjan: Sunday 5th; Paris: Monday 6th
      paid("y2", 20_000, "2026-04-06T10:00:00Z"), // Monday 6th in both
      paid("y3", 300_000, "2026-04-12T21:30:00Z"), // Sunday 12th 23:30 in Paris
      paid("y4", 4_000_000, "2026-04-12T22:30:00Z"), // Monday 13th 00:30 in Paris, Sunday 12th in Abidjan
    ];
    await seed(facts, "Europe/Paris");
    const paris = await getPayoutAnswer(db().db, "Europe/Paris", NOW);
    expect(paris.week).toEqual({ from: "2026-04-06", to: "2026-04-12" });
    expect(paris.dueThisWeek.map((s) => [s.currency, s.net, s.days])).toEqual([["XOF", 1_000 + 20_000 + 300_000, 2]]);
    expect(paris.next.map((g) => [g.dueDay, g.net])).toEqual([["2026-04-06", 21_000]]);

    const abidjan = await getPayoutAnswer(db().db, "Africa/Abidjan", NOW);
    expect(abidjan.week).toEqual({ from: "2026-03-30", to: "2026-04-05" });
    expect(abidjan.dueThisWeek.map((s) => [s.currency, s.net, s.days])).toEqual([["XOF", 1_000, 1]]);
    expect(abidjan.next.map((g) => [g.dueDay, g.net])).toEqual([["2026-04-05", 1_000]]);
    expect(paris.late).toEqual([]);
    expect(abidjan.late).toEqual([]);
  });

  it("offers a statement in the currencies with payouts, the most sold first", async () => {
    const NOW = new Date("2026-04-08T10:00:00Z");
    await seed(
      [
        paid("a1", 1_000, "2026-03-02T09:00:00Z", { currency: "EUR" }),
        paid("x1", 1_000, "2026-03-02T09:00:00Z"),
        paid("x2", 1_000, "2026-03-03T09:00:00Z"),
        paid("g1", 1_000, "2024-12-01T09:00:00Z", { currency: "GHS" }), // more than 13 months ago
        { id: "f1", status: "failed", currency: "USD" }, // never paid: no payout
      ],
      "Africa/Abidjan",
    );
    expect(await listStatementCurrencies(db().db, "Africa/Abidjan", NOW)).toEqual(["XOF", "EUR"]);
  });

  it("answers nothing on a store without payouts", async () => {
    expect(await getPayoutAnswer(db().db, "Africa/Abidjan", new Date("2026-04-08T10:00:00Z"))).toEqual({
      today: "2026-04-08", week: { from: "2026-04-06", to: "2026-04-12" }, next: [], dueThisWeek: [], late: [],
    });
  });
});
