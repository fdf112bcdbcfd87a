// One page of the Orders worklist in SQL, on both engines, from orders built for the test: 7 paid orders
// with an address paid one day apart (plus sales that must never be listed), pages of 3 — which orders
// each page holds, oldest first or newest first, whether a next page exists, and the filter's count.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { listOrderPage, updateFulfilment } from "@/lib/orders";
import { createUser } from "@/lib/team";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ADDRESS = { address: "Lot 12, Rue 45", city: "Abidjan", state: "Lagunes", zip: "01000", country: "CI" };
// o1 paid on May 1st … o7 on May 7th, inserted out of order: the page must sort by payment time.
const ORDERS = [4, 1, 7, 3, 6, 2, 5].map((n): SaleFacts => ({
  id: `o${n}`, status: n % 2 ? "completed" : "settled", productId: "prd_box", createdAt: `2026-05-0${n}T08:00:00Z`, completedAt: `2026-05-0${n}T08:01:00Z`, shipping: ADDRESS,
}));
const NEVER = [
  { id: "failed", status: "failed", createdAt: "2026-05-01T01:00:00Z", shipping: ADDRESS },
  { id: "no_address", status: "completed", createdAt: "2026-05-01T02:00:00Z", completedAt: "2026-05-01T02:00:00Z" },
] satisfies SaleFacts[];

describeEachEngine("Orders worklist, one page at a time", ({ db }) => {
  async function seed() {
    await upsertSales(db().db, [...ORDERS, ...NEVER].map(saleDetail), { source: "detail", receivedAt: "2026-05-10T00:00:00Z", timeZone: "Africa/Abidjan" });
    const owner = await createUser(db().db, { email: "owner@example.com", password: "correct horse battery", role: "owner", name: "Owner" }, null);
    return { id: owner.id, email: owner.email, role: owner.role };
  }
  const page = async (n: number, dir: "asc" | "desc" = "asc", filter: "to_ship" | "shipped" | "all" = "to_ship") => {
    const p = await listOrderPage(db().db, { filter, sort: { column: "paid_at", dir }, page: n, size: 3 });
    return { ids: p.rows.map((o) => o.saleId), hasMore: p.hasMore, total: p.total };
  };

  it("pages the orders oldest first, and newest first when asked, with the filter's count", async () => {
    await seed();
    expect(await page(1)).toEqual({ ids: ["o1", "o2", "o3"], hasMore: true, total: 7 });
    expect(await page(2)).toEqual({ ids: ["o4", "o5", "o6"], hasMore: true, total: 7 });
    expect(await page(3)).toEqual({ ids: ["o7"], hasMore: false, total: 7 });
    expect(await page(4)).toEqual({ ids: [], hasMore: false, total: 7 });
    expect(await page(1, "desc")).toEqual({ ids: ["o7", "o6", "o5"], hasMore: true, total: 7 });
  });

  it("pages within the fulfilment filter", async () => {
    const actor = await seed();
    await updateFulfilment(db().db, actor, { state: "shipped", saleIds: ["o2", "o5"], carrier: "DHL", trackingReference: null });
    expect(await page(1)).toEqual({ ids: ["o1", "o3", "o4"], hasMore: true, total: 5 });
    expect(await page(2)).toEqual({ ids: ["o6", "o7"], hasMore: false, total: 5 });
    expect(await page(1, "asc", "shipped")).toEqual({ ids: ["o2", "o5"], hasMore: false, total: 2 });
    expect((await page(3, "asc", "all")).total).toBe(7);
  });
});
