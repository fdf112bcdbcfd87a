// The Recovery inbox's filters and the counts on its reason filter, on both engines, against 84 leads built
// for the test whose facts follow simple rules of their index: every 3rd an abandoned cart (else a failed
// payment), every 5th from an affiliate (else the store), every 7th assigned to the agent and every 7th+1
// to the owner, every 4th recovered by its customer's payment an hour later, and by hand every 10th+1 won,
// 10th+3 lost, 10th+5 contacted; plus leads outside the range. What each filter lists and each reason
// counts is computed here from those rules — never by the code under test — for every combination of
// status, reason, channel and assignee.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { countLeadsByReason, LEAD_STATUS_FILTERS, listLeadPage, listLeads, rangeRecoveries, reasonCountsOf, recoveredLeadIds, UNASSIGNED, updateLeads, type LeadFilters } from "@/lib/recovery";
import { createUser } from "@/lib/team";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const RANGE = { from: "2026-05-01", to: "2026-05-01" };
const N = 84;
const ids = Array.from({ length: N }, (_, i) => i);
const name = (i: number) => `L${String(i).padStart(3, "0")}`;
const at = (i: number, plusMinutes = 0) => new Date(Date.UTC(2026, 4, 1, 0, i + plusMinutes)).toISOString();

const abandoned = (i: number) => i % 3 === 0;
const affiliate = (i: number) => i % 5 === 0;
const assignee = (i: number): "agent" | "owner" | null => (i % 7 === 0 ? "agent" : i % 7 === 1 ? "owner" : null);
const recovered = (i: number) => i % 4 === 0;
const worked = (i: number): "won" | "lost" | "contacted" | null => (i % 10 === 1 ? "won" : i % 10 === 3 ? "lost" : i % 10 === 5 ? "contacted" : null);
/** The one status a lead shows: recovered by a payment first, else its worked state. */
const shown = (i: number) => (recovered(i) ? "recovered" : (worked(i) ?? "open"));

const lead = (i: number): SaleFacts => ({
  id: name(i),
  status: abandoned(i) ? "abandoned" : "failed",
  channel: affiliate(i) ? "affiliate" : "store",
  originalMinor: 1_000 + i,
  customerId: `cus_${i}`,
  email: `c${i}@example.com`,
  productId: "prd_1",
  createdAt: at(i),
  ...(abandoned(i) ? { abandonedAt: at(i) } : { failedAt: at(i) }),
});
const payment = (i: number): SaleFacts => ({ id: `P${name(i)}`, status: "completed", originalMinor: 1_000 + i, customerId: `cus_${i}`, email: `c${i}@example.com`, productId: "prd_1", createdAt: at(i, 60), completedAt: at(i, 60) });
// The day before and the day after: never listed, never counted.
const outside = (id: string, day: number): SaleFacts => ({ id, status: "failed", channel: "affiliate", customerId: `cus_${id}`, productId: "prd_1", createdAt: new Date(Date.UTC(2026, 4, day, 12)).toISOString(), failedAt: new Date(Date.UTC(2026, 4, day, 12)).toISOString() });

describeEachEngine("Recovery inbox filters and counts", ({ db }) => {
  async function seed() {
    const sales = [...ids.map(lead), ...ids.filter(recovered).map(payment), outside("before", 0), outside("after", 2)];
    // Abidjan is UTC: the local day is the UTC day.
    await upsertSales(db().db, sales.map(saleDetail), { source: "detail", receivedAt: "2026-05-03T00:00:00Z", timeZone: "Africa/Abidjan" });
    const owner = await createUser(db().db, { email: "owner@example.com", password: "correct horse battery", role: "owner", name: "Owner" }, null);
    const agent = await createUser(db().db, { email: "agent@example.com", password: "correct horse battery", role: "support", name: "Agent" }, null);
    const actor = { id: owner.id, email: owner.email, role: owner.role };
    for (const state of ["won", "lost", "contacted"] as const) await updateLeads(db().db, actor, { saleIds: ids.filter((i) => worked(i) === state).map(name), state });
    await updateLeads(db().db, actor, { saleIds: ids.filter((i) => assignee(i) === "agent").map(name), assignedTo: agent.id });
    await updateLeads(db().db, actor, { saleIds: ids.filter((i) => assignee(i) === "owner").map(name), assignedTo: owner.id });
    return { member: { agent: agent.id, owner: owner.id } };
  }

  it("lists and counts exactly the leads of every combination of status, reason, channel and assignee", async () => {
    const { member } = await seed();
    // What the page does: the range's recovered leads from the analytics' own read, passed to both.
    const recoveredIds = recoveredLeadIds(await listLeads(db().db, RANGE, { windowDays: 14 }));
    expect([...recoveredIds].sort()).toEqual(ids.filter(recovered).map(name));
    // The Recovery page's own read: the range grouped in SQL (range-recoveries.ts), its counts from the groups.
    const figures = await rangeRecoveries(db().db, RANGE, 14);
    expect([...figures.recovered.keys()].sort()).toEqual(ids.filter(recovered).map(name));

    const statusMatches = (status: (typeof LEAD_STATUS_FILTERS)[number], i: number) =>
      status === "all" ? true : status === "todo" ? shown(i) === "open" || shown(i) === "contacted" : shown(i) === status;
    let checked = 0;
    for (const status of LEAD_STATUS_FILTERS) {
      for (const channel of [undefined, "affiliate"] as const) {
        for (const who of [undefined, "agent", UNASSIGNED] as const) {
          const assigneeFilter = who === undefined ? undefined : who === UNASSIGNED ? UNASSIGNED : member[who];
          const matches = (i: number) => statusMatches(status, i) && (channel === undefined || affiliate(i)) && (who === undefined || (who === UNASSIGNED ? assignee(i) === null : assignee(i) === who));
          const counts = await countLeadsByReason(db().db, RANGE, { status, channel, assignee: assigneeFilter }, { recovered: recoveredIds });
          const label = `${status}/${channel ?? "any"}/${who ?? "anyone"}`;
          const want = { failed: ids.filter((i) => matches(i) && !abandoned(i)).length, abandoned: ids.filter((i) => matches(i) && abandoned(i)).length };
          expect(counts, label).toEqual(want);
          expect(reasonCountsOf(figures.groups, { status, channel, assignee: assigneeFilter }), `groups ${label}`).toEqual(want);
          for (const reason of [undefined, "failed", "abandoned"] as const) {
            const filters: LeadFilters = { status, reason, channel, assignee: assigneeFilter };
            const expected = [...ids].reverse().filter((i) => matches(i) && (reason === undefined || (reason === "abandoned") === abandoned(i))).map(name);
            const page = await listLeadPage(db().db, RANGE, { filters, sort: { column: "at", dir: "desc" }, page: 1, size: 25, windowDays: 14, recovered: recoveredIds });
            expect(page.rows.map((l) => l.saleId), `${label}/${reason ?? "any reason"}`).toEqual(expected.slice(0, 25));
            expect(page.hasMore, `${label}/${reason ?? "any reason"}`).toBe(expected.length > 25);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(7 * 2 * 3 * 3);
  });

  it("reads the second page, and computes the recovered leads itself when not given", async () => {
    await seed();
    const todo = [...ids].reverse().filter((i) => shown(i) === "open" || shown(i) === "contacted").map(name);
    expect(todo.length).toBeGreaterThan(25);
    const page2 = await listLeadPage(db().db, RANGE, { filters: { status: "todo" }, sort: { column: "at", dir: "desc" }, page: 2, size: 25, windowDays: 14 });
    expect(page2.rows.map((l) => l.saleId)).toEqual(todo.slice(25, 50));
    expect(page2.hasMore).toBe(todo.length > 50);
    // The recovered page shows which payment recovered each lead.
    const rec = await listLeadPage(db().db, RANGE, { filters: { status: "recovered", reason: "failed" }, sort: { column: "at", dir: "asc" }, page: 1, size: 5, windowDays: 14 });
    const firstRecoveredFailed = ids.filter((i) => recovered(i) && !abandoned(i)).slice(0, 5);
    expect(rec.rows.map((l) => [l.saleId, l.recovered?.saleId])).toEqual(firstRecoveredFailed.map((i) => [name(i), `P${name(i)}`]));
    expect(await countLeadsByReason(db().db, RANGE, { status: "all" }, { windowDays: 14 })).toEqual({ failed: ids.filter((i) => !abandoned(i)).length, abandoned: ids.filter(abandoned).length });
  });
});
