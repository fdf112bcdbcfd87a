// The Orders and Licences first pages at a million sales (issue 17, migration 0019): each changed query
// gives the answer an independent recomputation gives on data built here (edge cases included), on both
// engines; on SQLite, the first page is read from its index in order (no sort of every match) and the
// licence product choices and count no longer join every licence to its sale.
import { expect, it } from "vitest";
import { licenceProducts, licencesListSchema, listLicences } from "@/lib/licences";
import { upsertSaleLicences, upsertSales } from "@/lib/mirror";
import { listOrderPage, updateFulfilment, type OrderFilter } from "@/lib/orders";
import { createUser } from "@/lib/team";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";
import { planOf, plansOf } from "./query-plans";

const ADDRESS = { address: "Lot 12, Rue 45", city: "Abidjan", country: "CI" };
const NOW = new Date("2026-05-10T12:00:00.000Z");

// 30 sales: paid or not, with an address, a blank one or none, several paid at the very same instant
// (the id breaks the tie), shipped, not shippable or waiting.
const SALES: (SaleFacts & { expect: { listed: boolean; paidAt: string } })[] = Array.from({ length: 30 }, (_, i) => {
  const status = (["completed", "settled", "failed", "abandoned", "completed"] as const)[i % 5];
  const shipping = i % 7 === 3 ? null : i % 7 === 5 ? { ...ADDRESS, address: "   " } : ADDRESS;
  const paidAt = `2026-05-0${1 + (i % 4)}T08:0${i % 3}:00.000Z`; // many ties
  const paid = status === "completed" || status === "settled";
  return {
    id: `o${String(29 - i).padStart(2, "0")}`, // ids against the insertion order
    status,
    productId: "prd_box",
    createdAt: "2026-04-30T08:00:00.000Z",
    completedAt: paid ? paidAt : null,
    shipping,
    expect: { listed: paid && shipping !== null && shipping.address.trim() !== "", paidAt },
  };
});
const LISTED = SALES.filter((s) => s.expect.listed).map((s) => s.id);
const SHIPPED = [LISTED[0]!, LISTED[4]!, LISTED[7]!];
const NOT_SHIPPABLE = [LISTED[2]!];

describeEachEngine("Orders and licences first pages (migration 0019)", ({ db, engine }) => {
  async function seedOrders() {
    await upsertSales(db().db, SALES.map(saleDetail), { source: "detail", receivedAt: "2026-05-10T00:00:00Z", timeZone: "Africa/Abidjan" });
    const owner = await createUser(db().db, { email: "owner@example.com", password: "correct horse battery", role: "owner", name: "Owner" }, null);
    const actor = { id: owner.id, email: owner.email, role: owner.role };
    await updateFulfilment(db().db, actor, { state: "shipped", saleIds: SHIPPED, carrier: "DHL", trackingReference: null });
    await updateFulfilment(db().db, actor, { state: "not_shippable", saleIds: NOT_SHIPPABLE, reason: "No such street" });
  }
  /** The worklist recomputed from the facts above: listed sales in the filter's state, by payment time then id. */
  function expected(filter: OrderFilter, dir: "asc" | "desc"): string[] {
    const state = (id: string) => (SHIPPED.includes(id) ? "shipped" : NOT_SHIPPABLE.includes(id) ? "not_shippable" : "to_ship");
    return SALES.filter((s) => s.expect.listed && (filter === "all" || state(s.id) === filter))
      .sort((a, b) => (a.expect.paidAt === b.expect.paidAt ? 0 : (a.expect.paidAt < b.expect.paidAt) === (dir === "asc") ? -1 : 1) || (a.id < b.id ? -1 : 1))
      .map((s) => s.id);
  }

  it("lists every filter's orders page by page, in payment order, the id breaking ties, with the count", async () => {
    await seedOrders();
    for (const filter of ["to_ship", "shipped", "not_shippable", "all"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const want = expected(filter, dir);
        const got: string[] = [];
        for (let n = 1; n <= 6; n++) {
          const p = await listOrderPage(db().db, { filter, sort: { column: "paid_at", dir }, page: n, size: 4 });
          expect(p.total).toBe(want.length);
          expect(p.hasMore).toBe(want.length > n * 4);
          got.push(...p.rows.map((o) => o.saleId));
        }
        expect(got, `${filter} ${dir}`).toEqual(want);
      }
    }
    expect(expected("to_ship", "asc").length).toBeGreaterThan(8); // the data does exercise paging
  });

  it.runIf(engine === "sqlite")("reads the first page to ship from the shipping index in payment order, without sorting", async () => {
    await seedOrders();
    const plans = await plansOf(db().db, (spy) => listOrderPage(spy, { filter: "to_ship", sort: { column: "paid_at", dir: "asc" }, page: 1, size: 25 }));
    const page = planOf(plans, /limit/i);
    expect(page.join("\n")).toMatch(/USING (COVERING )?INDEX sales_shipping_paid_at_idx/);
    expect(page.join("\n")).not.toMatch(/TEMP B-TREE/);
    expect(planOf(plans, /count\(\*\)/i).join("\n")).toMatch(/USING COVERING INDEX sales_shipping_paid_at_idx/);
  });

  // Licences: some name their product and customer, some leave them to their sale (mirrored or not). The
// sales factory names a product "Product <id>".
  async function seedLicences() {
    await upsertSales(
      db().db,
      ([
        { id: "s_a", status: "completed", productId: "prd_a", createdAt: "2026-04-01T00:00:00.000Z", completedAt: "2026-04-01T00:00:00.000Z" },
        { id: "s_b", status: "completed", productId: "prd_b", createdAt: "2026-04-02T00:00:00.000Z", completedAt: "2026-04-02T00:00:00.000Z" },
        { id: "s_c", status: "settled", productId: "prd_c", createdAt: "2026-04-03T00:00:00.000Z", completedAt: "2026-04-03T00:00:00.000Z" },
      ] satisfies SaleFacts[]).map(saleDetail),
      { source: "detail", receivedAt: "2026-05-10T00:00:00Z", timeZone: "Africa/Abidjan" },
    );
    const put = (saleId: string, l: Parameters<typeof upsertSaleLicences>[2][number]) => upsertSaleLicences(db().db, saleId, [l]);
    const base = { key: "KEY-0000", activations: 0, maxActivations: 3 };
    await put("s_a", { ...base, id: "l1", status: "active", expiresAt: "2026-06-01T00:00:00.000Z" }); // product from its sale: prd_a
    await put("s_b", { ...base, id: "l2", status: "active", expiresAt: null, productId: "prd_b" }); // id its own, name from the sale
    await put("s_x", { ...base, id: "l3", status: "expired", expiresAt: "2026-05-15T00:00:00.000Z", productId: "prd_b", productName: "Beta" }); // sale not mirrored
    await put("s_y", { ...base, id: "l4", status: "revoked", expiresAt: "2026-05-12T00:00:00.000Z", productId: "prd_d", productName: "Delta" });
    await put("s_c", { ...base, id: "l5", status: "active", expiresAt: "2026-05-20T00:00:00.000Z", productId: "prd_c", productName: "Gamma 2" }); // two names: the greater
    await put("s_z", { ...base, id: "l6", status: "active", expiresAt: "2026-05-11T00:00:00.000Z" }); // no product anywhere
    await put("s_w", { ...base, id: "l7", status: "active", expiresAt: "2026-05-11T00:00:00.000Z", productId: "prd_c", productName: "Gamma" });
  }

  it("offers each licensed product once with its greatest known name, licence's own or its sale's", async () => {
    await seedLicences();
    // By hand from seedLicences: prd_a (its sale's name), prd_b ("Product prd_b" from l2's sale > l3's "Beta"),
    // prd_c ("Gamma 2" > "Gamma"), prd_d; l6 names no product anywhere. By name.
    expect(await licenceProducts(db().db)).toEqual([
      { id: "prd_d", name: "Delta" },
      { id: "prd_c", name: "Gamma 2" },
      { id: "prd_a", name: "Product prd_a" },
      { id: "prd_b", name: "Product prd_b" },
    ]);
  });

  it("counts and pages licences by soonest expiry, none last, under each own-column filter", async () => {
    await seedLicences();
    const ids = async (q: Record<string, unknown>) => {
      const out: string[] = [];
      let total = -1;
      for (let page = 1; page <= 5; page++) {
        const p = await listLicences(db().db, { ...licencesListSchema.parse(q), size: 2, page }, { now: NOW });
        total = p.total;
        out.push(...p.rows.map((r) => r.licenceId));
        if (!p.hasMore) break;
      }
      return { total, ids: out };
    };
    // Expiry order (l6 and l7 tie on the instant: licence id), l2 without expiry last.
    expect(await ids({})).toEqual({ total: 7, ids: ["l6", "l7", "l4", "l3", "l5", "l1", "l2"] });
    expect(await ids({ status: "active" })).toEqual({ total: 5, ids: ["l6", "l7", "l5", "l1", "l2"] });
    // Within 10 days of NOW (until 05-20T12:00), not revoked or expired: l6, l7 (05-11), l5 (05-20T00:00).
    expect(await ids({ expiringWithinDays: 10 })).toEqual({ total: 3, ids: ["l6", "l7", "l5"] });
    expect(await ids({ product: "prd_b" })).toEqual({ total: 2, ids: ["l3", "l2"] });
  });

  it.runIf(engine === "sqlite")("reads the default licence page from the expiry index, and the product choices without joining every licence", async () => {
    await seedLicences();
    const page = await plansOf(db().db, (spy) => listLicences(spy, licencesListSchema.parse({}), { now: NOW }));
    expect(planOf(page, /limit/i).join("\n")).toMatch(/SCAN l USING INDEX sale_licences_expiry_order_idx/);
    expect(planOf(page, /limit/i).join("\n")).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(planOf(page, /count\(\*\)/i).join("\n")).not.toMatch(/sales/);
    const products = (await plansOf(db().db, (spy) => licenceProducts(spy))).flatMap((p) => p.plan).join("\n");
    expect(products).toMatch(/sale_licences_product_idx/);
    expect(products).toMatch(/sale_licences_unnamed_idx/);
  });
});
