// The reverse link on both engines: a paying sale knows which failed or abandoned sales it recovered —
// exactly those the worklist links to it (the earliest payment in the window wins), by customer id or,
// for a lead without one, by e-mail; never another customer's, another product's, or a non-payment's.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { leadsRecoveredBy, listLeads } from "@/lib/recovery";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const ZONE = "Africa/Abidjan";
const RANGE = { from: "2026-05-01", to: "2026-05-31" };

describeEachEngine("Leads recovered by a payment", ({ db }) => {
  async function seed() {
    await upsertSales(
      db().db,
      [
        saleDetail({ id: "fail_a", status: "failed", originalMinor: 9_900, createdAt: "2026-05-01T09:00:00Z", failedAt: "2026-05-01T09:01:00Z", customerId: "cus_1", productId: "prd_1" }),
        saleDetail({ id: "aband_a", status: "abandoned", createdAt: "2026-05-01T10:00:00Z", abandonedAt: "2026-05-01T11:00:00Z", customerId: "cus_1", productId: "prd_1" }),
        // The first payment after both attempts resolves them; a second purchase later claims nothing.
        saleDetail({ id: "pay_a", status: "completed", createdAt: "2026-05-03T09:00:00Z", completedAt: "2026-05-03T09:05:00Z", customerId: "cus_1", productId: "prd_1" }),
        saleDetail({ id: "pay_a2", status: "completed", createdAt: "2026-05-04T09:00:00Z", completedAt: "2026-05-04T09:05:00Z", customerId: "cus_1", productId: "prd_1" }),
        // Another customer buys the product; the same customer buys another product.
        saleDetail({ id: "pay_other_customer", status: "completed", createdAt: "2026-05-02T09:00:00Z", completedAt: "2026-05-02T09:00:00Z", customerId: "cus_2", productId: "prd_1" }),
        saleDetail({ id: "pay_other_product", status: "completed", createdAt: "2026-05-02T09:00:00Z", completedAt: "2026-05-02T09:00:00Z", customerId: "cus_1", productId: "prd_2" }),
        // A lead known only by e-mail (as a list summary without its customer id leaves it).
        saleDetail({ id: "fail_mail", status: "failed", createdAt: "2026-05-10T09:00:00Z", failedAt: "2026-05-10T09:00:00Z", customerId: "cus_tmp", email: "Kofi@Example.com", productId: "prd_3" }),
        saleDetail({ id: "pay_mail", status: "completed", createdAt: "2026-05-12T09:00:00Z", completedAt: "2026-05-12T09:00:00Z", customerId: "cus_kofi", email: "kofi@example.com", productId: "prd_3" }),
      ],
      { source: "detail", receivedAt: "2026-06-01T00:00:00Z", timeZone: ZONE },
    );
    await db().db.updateTable("sales").set({ customer_id: null }).where("id", "=", "fail_mail").execute();
  }

  it("names the leads a payment recovered, with their time and amount", async () => {
    await seed();
    expect(await leadsRecoveredBy(db().db, "pay_a")).toEqual([
      { saleId: "fail_a", status: "failed", at: "2026-05-01T09:01:00Z", amount: 9_900, currency: "XOF", by: "window" },
      { saleId: "aband_a", status: "abandoned", at: "2026-05-01T11:00:00Z", amount: 4_900, currency: "XOF", by: "window" },
    ]);
    expect((await leadsRecoveredBy(db().db, "pay_mail")).map((l) => l.saleId)).toEqual(["fail_mail"]);
  });

  it("names nothing for a later purchase, another customer, another product, or a sale that is not a payment", async () => {
    await seed();
    for (const id of ["pay_a2", "pay_other_customer", "pay_other_product", "fail_a", "unknown"]) expect(await leadsRecoveredBy(db().db, id)).toEqual([]);
  });

  it("agrees with the worklist in both directions", async () => {
    await seed();
    const leads = await listLeads(db().db, RANGE);
    const forward = leads.filter((l) => l.recovered).map((l) => [l.saleId, l.recovered!.saleId]);
    expect(forward.sort()).toEqual([["aband_a", "pay_a"], ["fail_a", "pay_a"], ["fail_mail", "pay_mail"]]);
    const payments = ["pay_a", "pay_a2", "pay_other_customer", "pay_other_product", "pay_mail"];
    const reverse = (await Promise.all(payments.map(async (p) => (await leadsRecoveredBy(db().db, p)).map((l) => [l.saleId, p])))).flat();
    expect(reverse.sort()).toEqual(forward.sort());
  });
});
