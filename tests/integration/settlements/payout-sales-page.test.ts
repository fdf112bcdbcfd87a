// One page of a payout's sales (the Settlements drill-down) in SQL, on both engines, from sales built for
// the test: 5 XOF sales share the payout due on March 30th (Abidjan), paid one hour apart, next to a EUR
// sale of the same day and a XOF sale of the next payout — pages of 2, newest payment first or oldest first.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { listPayoutSalesPage } from "@/lib/settlements";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ZONE = "Africa/Abidjan";
const NOW = new Date("2026-03-31T12:00:00Z");
const sale = (id: string, completedAt: string, o: Partial<SaleFacts> = {}): SaleFacts => ({
  id, status: "completed", currency: "XOF", originalMinor: 10_000, settlementNetMinor: 9_200, createdAt: completedAt, completedAt, settlementDueAt: "2026-03-30T10:00:00Z", ...o,
});

describeEachEngine("A payout's sales, one page at a time", ({ db }) => {
  async function seed() {
    await upsertSales(
      db().db,
      [
        sale("x3", "2026-03-27T03:00:00Z"),
        sale("x1", "2026-03-27T01:00:00Z"),
        sale("x5", "2026-03-27T05:00:00Z"),
        sale("x2", "2026-03-27T02:00:00Z"),
        sale("x4", "2026-03-27T04:00:00Z", { settlementDoneAt: "2026-03-30T11:00:00Z", status: "settled" }),
        sale("eur", "2026-03-27T06:00:00Z", { currency: "EUR", originalMinor: 1_000, settlementNetMinor: 920 }),
        sale("next", "2026-03-28T01:00:00Z", { settlementDueAt: "2026-03-31T10:00:00Z" }),
      ].map(saleDetail),
      { source: "detail", receivedAt: NOW.toISOString(), timeZone: ZONE },
    );
  }
  const page = async (n: number, dir: "asc" | "desc") => {
    const p = await listPayoutSalesPage(db().db, { currency: "XOF", dueDay: "2026-03-30" }, ZONE, { dir, page: n, size: 2 }, NOW);
    return { ids: p.rows.map((s) => s.id), hasMore: p.hasMore, total: p.total };
  };

  it("pages the payout's sales only, newest payment first by default, with their count", async () => {
    await seed();
    expect(await page(1, "desc")).toEqual({ ids: ["x5", "x4"], hasMore: true, total: 5 });
    expect(await page(2, "desc")).toEqual({ ids: ["x3", "x2"], hasMore: true, total: 5 });
    expect(await page(3, "desc")).toEqual({ ids: ["x1"], hasMore: false, total: 5 });
    expect(await page(1, "asc")).toEqual({ ids: ["x1", "x2"], hasMore: true, total: 5 });
  });

  it("keeps each sale's own payout state: overdue until paid out, the paid-out one with its day", async () => {
    await seed();
    const { rows } = await listPayoutSalesPage(db().db, { currency: "XOF", dueDay: "2026-03-30" }, ZONE, { dir: "desc", page: 1, size: 2 }, NOW);
    expect(rows.map((s) => [s.id, s.overdue, s.doneAt && Date.parse(s.doneAt), s.net])).toEqual([
      ["x5", true, null, 9_200],
      ["x4", false, Date.parse("2026-03-30T11:00:00Z"), 9_200],
    ]);
  });
});
