// The known affiliates as the page ranks them, on both engines against sales built here with the rankings
// written out by hand: one ranking per currency (XOF and XAF never added together), by paid sales or by
// revenue, affiliates without a sale in the currency after the ranked ones, an affiliate known only by a
// sale kept (no code, no name), and the unattributed affiliate-channel sales of that currency only.
import { expect, it } from "vitest";
import type { Affiliate } from "@/lib/chariow";
import { listKnownAffiliates } from "@/lib/affiliates/queries";
import { rankAffiliates, type AffiliateRanking } from "@/lib/affiliates/ranking";
import { upsertSales } from "@/lib/mirror";
import { affiliateFromSale, upsertAffiliate } from "@/lib/mirror/affiliates";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const AT = "2026-06-15T00:00:00.000Z";

describeEachEngine("affiliates ranking", ({ db }) => {
  async function seed() {
    const known = (id: string, code: string, name: string, status: Affiliate["status"]): Affiliate => ({ ...affiliateFromSale({ id, code }), name, status });
    await upsertAffiliate(db().db, known("saff_1", "JOHN25", "Jean", "active"), "lookup", AT);
    await upsertAffiliate(db().db, known("saff_2", "AWA10", "Awa", "suspended"), "lookup", AT);
    await upsertAffiliate(db().db, known("saff_4", "ZED", "Zed", "active"), "lookup", AT);
    let n = 0;
    const sale = (currency: string, minor: number, affiliate: { id: string; code: string | null } | null, status: "completed" | "failed" = "completed") => ({
      ...saleDetail({ id: `s${++n}`, status, currency, originalMinor: minor, channel: "affiliate", createdAt: "2026-06-01T10:00:00.000Z", completedAt: status === "completed" ? "2026-06-01T10:01:00.000Z" : null }),
      storeAffiliate: affiliate as never,
    });
    const john = { id: "saff_1", code: "JOHN25" };
    const awa = { id: "saff_2", code: "AWA10" };
    await upsertSales(
      db().db,
      [
        sale("XOF", 10_000, john), sale("XOF", 10_000, john), sale("XAF", 50_000, john), sale("XOF", 99_000, john, "failed"),
        sale("XOF", 1_000, awa), sale("XOF", 1_000, awa), sale("XOF", 1_000, awa),
        // Known only by this sale: an id, no code.
        sale("XOF", 100_000, { id: "saff_3", code: null }),
        // The affiliate channel, no affiliate named.
        sale("XOF", 700, null),
      ],
      { source: "detail", receivedAt: AT, timeZone: "UTC" },
    );
  }
  const view = (r: AffiliateRanking) => r.rows.map((row) => [row.affiliate.code ?? row.affiliate.key, row.rank, row.total ? [row.total.sales, row.total.revenue] : null]);

  it("ranks in the currency with the most sales by default, by paid sales, the others after", async () => {
    await seed();
    const ranking = rankAffiliates(await listKnownAffiliates(db().db, {}), undefined);
    expect(ranking.currencies).toEqual([{ currency: "XOF", sales: 6 }, { currency: "XAF", sales: 1 }]);
    expect(ranking.currency).toBe("XOF");
    expect(view(ranking)).toEqual([
      ["AWA10", 1, [3, 3_000]],
      ["JOHN25", 2, [2, 20_000]],
      ["saff_3", 3, [1, 100_000]],
      ["ZED", null, null],
    ]);
    expect(ranking.rows[2].affiliate).toMatchObject({ code: null, name: null, status: null, source: "sale" });
    expect(ranking.unattributed).toMatchObject({ currency: "XOF", sales: 1, revenue: 700 });
  });

  it("ranks by revenue, or upside down, without mixing in another currency", async () => {
    await seed();
    const known = await listKnownAffiliates(db().db, {});
    expect(view(rankAffiliates(known, "XOF", { column: "revenue", dir: "desc" }))).toEqual([
      ["saff_3", 1, [1, 100_000]],
      ["JOHN25", 2, [2, 20_000]],
      ["AWA10", 3, [3, 3_000]],
      ["ZED", null, null],
    ]);
    expect(view(rankAffiliates(known, "XOF", { column: "sales", dir: "asc" })).map((r) => [r[0], r[1]])).toEqual([
      ["saff_3", 3],
      ["JOHN25", 2],
      ["AWA10", 1],
      ["ZED", null],
    ]);
    const xaf = rankAffiliates(known, "XAF");
    expect(view(xaf)).toEqual([
      ["JOHN25", 1, [1, 50_000]],
      ["AWA10", null, null],
      ["saff_3", null, null],
      ["ZED", null, null],
    ]);
    expect(xaf.unattributed).toBeNull();
  });

  it("keeps a currency asked in the URL that has no sale in the range", async () => {
    await seed();
    const ranking = rankAffiliates(await listKnownAffiliates(db().db, { from: "2026-07-01", to: "2026-07-31" }), "XAF");
    expect(ranking.currency).toBe("XAF");
    expect(ranking.currencies).toEqual([{ currency: "XAF", sales: 0 }]);
    expect(ranking.rows.every((r) => r.rank === null)).toBe(true);
    expect(ranking.rows).toHaveLength(4);
  });
});
