// The Recovery inbox reads a range of local days through created_at bounds (issue 17): in the zones
// farthest from UTC (+14 and −11 hours), leads created around each edge of the range are exactly those
// whose local day is in it — checked against the days worked out by hand below — on both engines; on
// SQLite the read is a range of the (status, created_at) index, not every lead ever, and the page's figures
// (rangeRecoveries) a range of migration 0024's covering lead index.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { countLeadsByReason, listLeadPage, listLeads, rangeRecoveries } from "@/lib/recovery";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";
import { planOf, plansOf } from "./query-plans";

// [id, created (UTC), local day in Kiritimati (+14), local day in Pago Pago (−11)]
const LEADS: [string, string, string, string][] = [
  ["a", "2026-03-08T09:59:00.000Z", "2026-03-08", "2026-03-07"],
  ["b", "2026-03-08T10:00:00.000Z", "2026-03-09", "2026-03-07"],
  ["c", "2026-03-09T10:59:00.000Z", "2026-03-10", "2026-03-08"],
  ["d", "2026-03-09T11:00:00.000Z", "2026-03-10", "2026-03-09"],
  ["e", "2026-03-10T09:59:00.000Z", "2026-03-10", "2026-03-09"],
  ["f", "2026-03-10T10:00:00.000Z", "2026-03-11", "2026-03-09"],
  ["g", "2026-03-11T10:59:00.000Z", "2026-03-12", "2026-03-10"],
  ["h", "2026-03-11T11:00:00.000Z", "2026-03-12", "2026-03-11"],
  ["i", "2026-03-12T12:00:00.000Z", "2026-03-13", "2026-03-12"],
  ["j", "2026-03-07T23:00:00.000Z", "2026-03-08", "2026-03-07"],
];

for (const [zone, column] of [["Pacific/Kiritimati", 2], ["Pacific/Pago_Pago", 3]] as const) {
  describeEachEngine(`Recovery range in ${zone}`, ({ db, engine }) => {
    async function seed() {
      const facts: SaleFacts[] = LEADS.map(([id, at], n) => ({ id, status: n % 2 ? "failed" : "abandoned", createdAt: at, productId: "prd_a" }));
      await upsertSales(db().db, facts.map(saleDetail), { source: "detail", receivedAt: "2026-03-20T00:00:00Z", timeZone: zone });
    }
    const want = (from: string, to: string) => LEADS.filter((l) => l[column] >= from && l[column] <= to).map((l) => l[0]).sort();

    it("lists, pages and counts exactly the leads whose local day is in the range", async () => {
      await seed();
      for (const [from, to] of [["2026-03-09", "2026-03-10"], ["2026-03-10", "2026-03-10"], ["2026-03-08", "2026-03-11"], ["2026-03-12", "2026-03-13"]] as const) {
        const expected = want(from, to);
        expect((await listLeads(db().db, { from, to }, { windowDays: 14 })).map((l) => l.saleId).sort(), `${from}..${to}`).toEqual(expected);
        const page = await listLeadPage(db().db, { from, to }, { filters: { status: "all" }, sort: { column: "at", dir: "desc" }, page: 1, size: 25, windowDays: 14 });
        expect(page.rows.map((l) => l.saleId).sort()).toEqual(expected);
        const counts = await countLeadsByReason(db().db, { from, to }, { status: "all" }, { windowDays: 14 });
        expect(counts.failed + counts.abandoned).toBe(expected.length);
        const figures = await rangeRecoveries(db().db, { from, to }, 14);
        expect(figures.groups.reduce((n, g) => n + g.leads, 0), `figures ${from}..${to}`).toBe(expected.length);
      }
    });

    it.runIf(engine === "sqlite")("reads the range from the (status, created_at) index", async () => {
      await seed();
      const plans = await plansOf(db().db, (spy) => listLeads(spy, { from: "2026-03-09", to: "2026-03-10" }, { windowDays: 14 }));
      // The range's leads (joined to their recovery rows and candidate payments); the exact-link query of the
      // same range also bounds the lead's local day, through the link's own index.
      expect(planOf(plans, /left join "recovery_leads"[\s\S]*"s"\."local_day" >=/).join("\n")).toMatch(/sales_status_created_idx \(status=\? AND created_at>\? AND created_at<\?\)/);
    });

    it.runIf(engine === "sqlite")("reads the page's figures from the covering lead index, one seek per lead for its payment, no table scan", async () => {
      await seed();
      const plans = await plansOf(db().db, (spy) => rangeRecoveries(spy, { from: "2026-03-09", to: "2026-03-10" }, 14));
      const plan = planOf(plans, /with l as materialized/).join("\n");
      expect(plan).toMatch(/SEARCH s USING COVERING INDEX sales_lead_range_idx \(local_day>\? AND local_day<\?\)/);
      expect(plan).toMatch(/SEARCH r USING COVERING INDEX recovery_leads_worked_idx \(sale_id=\?\)/);
      expect(plan).toMatch(/SEARCH p USING INDEX sales_paid_customer_product_idx \(customer_id=\? AND product_id=\? AND <expr>>\?\)/);
      expect(plan).toMatch(/SEARCH p USING (COVERING )?INDEX sales_recovery_lead_idx \(recovery_lead_id=\?\)/);
      expect(plan).not.toMatch(/SCAN (s|p|pay)\b|sales_sort_status_idx/);
      // The inbox's page: its ids from the same covering index, then its rows by key.
      const page = await plansOf(db().db, (spy) => listLeadPage(spy, { from: "2026-03-09", to: "2026-03-10" }, { filters: { status: "todo" }, recovered: new Set(["x"]), sort: { column: "at", dir: "desc" }, page: 1, size: 25, windowDays: 14 }));
      expect(planOf(page, /^select "s"\."id" from/).join("\n")).toMatch(/SEARCH sales USING COVERING INDEX sales_lead_range_idx \(local_day>\? AND local_day<\?\)/);
    });
  });
}
