// Saved views belong to one member (save, replace by name, delete, never another's), and the customer
// summary (lifetime paid per currency, first/last purchase, failed/abandoned attempts) matches the facts.
import { beforeEach, expect, it } from "vitest";
import { getCustomer } from "@/lib/customers/get-customer";
import { NotFoundError } from "@/lib/errors";
import { deleteView, listSavedViews, saveView } from "@/lib/sales";
import { normaliseSalesQuery } from "@/lib/sales/saved-views";
import { describeEachEngine } from "../db/engines";
import { makeMember } from "../../factories/team";
import { PAID, amountOf, buildFacts, seedWorld } from "./world";

const FACTS = buildFacts(150, 3);

describeEachEngine("saved views", ({ db }) => {
  it("saves a member's filter set, replaces it by name, and keeps members apart", async () => {
    const a = await makeMember(db().db, "support");
    const b = await makeMember(db().db, "marketing");
    const first = await saveView(db().db, { userId: a.member.id, tableKey: "sales", name: "Échecs XOF", query: "status=failed&currency=XOF&page=4&bogus=1" });
    // Stored canonical: filters, sort, direction and size; never the page or unknown keys.
    expect(first.query).toBe("status=failed&currency=XOF&sort=created_at&dir=desc&size=50");
    const replaced = await saveView(db().db, { userId: a.member.id, tableKey: "sales", name: "Échecs XOF", query: "status=failed,abandoned&sort=amount&dir=asc" });
    expect(replaced.id).toBe(first.id);
    await saveView(db().db, { userId: b.member.id, tableKey: "sales", name: "Échecs XOF", query: "channel=affiliate" });
    const mine = await listSavedViews(db().db, a.member.id, "sales");
    expect(mine).toEqual([expect.objectContaining({ id: first.id, name: "Échecs XOF", query: "status=failed%2Cabandoned&sort=amount&dir=asc&size=50" })]);
    await expect(deleteView(db().db, b.member.id, first.id)).rejects.toBeInstanceOf(NotFoundError);
    await deleteView(db().db, a.member.id, first.id);
    expect(await listSavedViews(db().db, a.member.id, "sales")).toEqual([]);
    expect(await listSavedViews(db().db, b.member.id, "sales")).toHaveLength(1);
  });

  it("refuses a view whose filters are invalid", () => {
    expect(() => normaliseSalesQuery("currency=EURO")).toThrow();
  });
});

describeEachEngine("customer summary", ({ db }) => {
  beforeEach(async () => seedWorld(db().db, FACTS));

  it("sums paid value per currency and counts attempts like the facts say", async () => {
    for (const customerId of ["cus_awa", "cus_elo", "cus_arb"]) {
      const mine = FACTS.filter((f) => f.customerId === customerId);
      const paid = mine.filter((f) => PAID.has(f.status));
      const lifetime = new Map<string, number>();
      for (const f of paid) lifetime.set(f.currency, (lifetime.get(f.currency) ?? 0) + amountOf(f));
      const paidDates = paid.map((f) => f.createdAt).filter((d): d is string => d !== null).sort();
      const summary = await getCustomer(db().db, customerId);
      expect(summary).toMatchObject({
        id: customerId,
        salesCount: mine.length,
        paidCount: paid.length,
        failedCount: mine.filter((f) => f.status === "failed").length,
        abandonedCount: mine.filter((f) => f.status === "abandoned").length,
        awaitingCount: mine.filter((f) => f.status === "awaiting_payment").length,
        firstPurchaseAt: paidDates[0] ?? null,
        lastPurchaseAt: paidDates[paidDates.length - 1] ?? null,
      });
      expect(summary!.lifetimePaid).toEqual([...lifetime].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ minor, currency })));
    }
    expect(await getCustomer(db().db, "cus_nobody")).toBeNull();
  });
});
