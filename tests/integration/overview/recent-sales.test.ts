// The Overview's "Recent sales": newest first from the mirror, money in minor units + currency,
// unknown customers/products as null, and a Pulse-written sale flagged by its source.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { listRecentSales } from "@/lib/overview/recent-sales";
import { describeEachEngine } from "../db/engines";
import { salePulse, saleSummary } from "../../factories/sales";

const TZ = "Africa/Abidjan";

describeEachEngine("recent sales", ({ db }) => {
  it("lists the newest sales first, with their amount in their own currency", async () => {
    const at = (h: number) => new Date(Date.UTC(2025, 2, 20, h)).toISOString();
    await upsertSales(db().db, [saleSummary({ id: "sal_old", createdAt: at(1), currency: "XOF", originalMinor: 4900 }), saleSummary({ id: "sal_mid", createdAt: at(2), currency: "USD", originalMinor: 7920 })], { source: "list", receivedAt: at(3), timeZone: TZ });
    await upsertSales(db().db, [salePulse({ id: "sal_new", createdAt: at(4), currency: "EUR", originalMinor: 1250, status: "failed" })], { source: "pulse", receivedAt: at(5), timeZone: TZ, checkoutUrls: ["https://x.test/checkout"] });
    const recent = await listRecentSales(db().db, { limit: 2 });
    expect(recent.map((s) => s.id)).toEqual(["sal_new", "sal_mid"]);
    expect(recent[0]).toMatchObject({ status: "failed", amount: { minor: 1250, currency: "EUR" }, source: "pulse", createdAt: at(4) });
    expect(recent[1]).toMatchObject({ amount: { minor: 7920, currency: "USD" }, source: "list" });
  });

  it("is empty before the first sync", async () => {
    expect(await listRecentSales(db().db, { limit: 10 })).toEqual([]);
  });
});
