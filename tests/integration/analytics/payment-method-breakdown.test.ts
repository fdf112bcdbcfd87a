// The Revenue breakdown by payment method has one row per method, whichever form Chariow sent it in:
// the id from a sale's detail ("mtn_momo") and the name from a Pulse or an older payload ("MTN Mobile
// Money") are the same method (issue 15 showed `mtn_momo` 108 sales next to "MTN Mobile Money" 0). Checked
// in the service and in its CSV export on both engines, against hand-made sales.
import type { Kysely } from "kysely";
import { beforeEach, expect, it } from "vitest";
import { revenueTableRows } from "@/lib/analytics/export";
import { getRevenueReport } from "@/lib/analytics/revenue";
import type { Database } from "@/lib/db";
import { upsertSales } from "@/lib/mirror";
import { saleDetail } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const TZ = "Africa/Abidjan";
const ctx = { timeZone: TZ, now: new Date("2026-04-02T12:00:00Z") };
const march = { range: "custom" as const, from: "2026-03-01", to: "2026-03-31", compare: "none" as const };
const at = (day: number) => ({ createdAt: `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`, completedAt: `2026-03-${String(day).padStart(2, "0")}T10:01:00Z` });

describeEachEngine("Revenue by payment method: one row per method", ({ db }) => {
  const k = () => db().db as Kysely<Database>;

  beforeEach(async () => {
    // MTN: two paid by id (4 900 + 15 000), one paid and one failed by name (2 500; 7 000 not paid).
    // Wave: one paid (1 000). Every sale in XOF, in March.
    await upsertSales(k(), [
      saleDetail({ id: "m1", paymentMethod: "mtn_momo", originalMinor: 4900, ...at(3) }),
      saleDetail({ id: "m2", paymentMethod: "mtn_momo", originalMinor: 15000, ...at(4) }),
      saleDetail({ id: "m3", paymentMethod: "MTN Mobile Money", originalMinor: 2500, ...at(5) }),
      saleDetail({ id: "m4", paymentMethod: "MTN Mobile Money", status: "failed", originalMinor: 7000, createdAt: "2026-03-06T10:00:00Z", failedAt: "2026-03-06T10:01:00Z" }),
      saleDetail({ id: "w1", paymentMethod: "wave", originalMinor: 1000, ...at(7) }),
    ], { source: "detail", receivedAt: ctx.now.toISOString(), timeZone: TZ });
  });

  it("the id and the name of a method are one row, its figures summed", async () => {
    const report = await getRevenueReport(k(), { ...march, currency: "XOF" }, ctx);
    const methods = report.breakdowns.find((b) => b.dimension === "payment_method")!;
    expect(methods.rows.map((r) => [r.key, r.paidCount, r.revenue, r.attempts])).toEqual([
      ["mtn_momo", 3, 22400, 4],
      ["wave", 1, 1000, 1],
    ]);
    expect(methods.rows[0]!.share).toBeCloseTo(22400 / 23400, 10);
    expect([methods.paidCount, methods.knownPaidCount]).toEqual([4, 4]);
  });

  it("the CSV export has the same single row", async () => {
    const labels = { keys: { product: "p", channel: "c", discount: "d", campaign: "ca", country: "co", payment_method: "m", payment_gateway: "g" }, columns: {} } as never;
    const { rows } = await revenueTableRows(k(), "payment_method", { ...march, currency: "XOF" }, "standard", { ...ctx, labels });
    expect(rows.map((r) => [r[0], r[2], r[6]])).toEqual([["mtn_momo", 3, 4], ["wave", 1, 1]]);
  });
});
