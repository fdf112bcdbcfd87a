// One page of the Recovery worklist, on both engines, from 130 leads built for the test (one customer
// each, a minute apart): every 4th is recovered by its customer's payment an hour later, every 10th+1 was
// won and every 10th+3 lost by hand, every 10th+5 contacted (still open). The open leads — what the page
// lists by default — are computed here from those rules, not by the code: 71 of them over three pages.
// Then the "all" list, the sort by amount, and one lead opened by its id.
import { expect, it } from "vitest";
import { upsertSales } from "@/lib/mirror";
import { getLead, listLeadPage, updateLeads } from "@/lib/recovery";
import { createUser } from "@/lib/team";
import { saleDetail, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";

const RANGE = { from: "2026-05-01", to: "2026-05-01" };
const N = 130;
const ids = Array.from({ length: N }, (_, i) => i);
const name = (i: number) => `L${String(i).padStart(3, "0")}`;
const at = (i: number, plusMinutes = 0) => new Date(Date.UTC(2026, 4, 1, 0, i + plusMinutes)).toISOString();
// Distinct amounts in a scrambled order (37 and 130 share no factor).
const amount = (i: number) => 1_000 + ((i * 37) % N) * 10;
const recovered = (i: number) => i % 4 === 0;
const won = (i: number) => i % 10 === 1;
const lost = (i: number) => i % 10 === 3;
const contacted = (i: number) => i % 10 === 5;

const lead = (i: number): SaleFacts => ({ id: name(i), status: "failed", originalMinor: amount(i), customerId: `cus_${i}`, email: `c${i}@example.com`, productId: "prd_1", createdAt: at(i), failedAt: at(i) });
const payment = (i: number): SaleFacts => ({ id: `P${name(i)}`, status: "completed", originalMinor: amount(i), customerId: `cus_${i}`, email: `c${i}@example.com`, productId: "prd_1", createdAt: at(i, 60), completedAt: at(i, 60) });

describeEachEngine("Recovery worklist, one page at a time", ({ db }) => {
  async function seed() {
    await upsertSales(db().db, [...ids.map(lead), ...ids.filter(recovered).map(payment)].map(saleDetail), { source: "detail", receivedAt: "2026-05-02T00:00:00Z", timeZone: "Africa/Abidjan" });
    const owner = await createUser(db().db, { email: "owner@example.com", password: "correct horse battery", role: "owner", name: "Owner" }, null);
    const actor = { id: owner.id, email: owner.email, role: owner.role };
    await updateLeads(db().db, actor, { saleIds: ids.filter(won).map(name), state: "won" });
    await updateLeads(db().db, actor, { saleIds: ids.filter(lost).map(name), state: "lost" });
    await updateLeads(db().db, actor, { saleIds: ids.filter(contacted).map(name), state: "contacted" });
  }
  const page = async (include: "open" | "all", n: number, sort: { column: "at" | "amount"; dir: "asc" | "desc" } = { column: "at", dir: "desc" }) => {
    // "open" is the inbox's default status: still to follow up (todo).
    const p = await listLeadPage(db().db, RANGE, { filters: { status: include === "open" ? "todo" : "all" }, sort, page: n, size: 25, windowDays: 14 });
    return { ids: p.rows.map((l) => l.saleId), hasMore: p.hasMore };
  };
  const newestFirst = [...ids].reverse();

  it("lists the open leads, newest first: not recovered by a payment, not won or lost", async () => {
    await seed();
    const open = newestFirst.filter((i) => !recovered(i) && !won(i) && !lost(i)).map(name);
    expect(open).toHaveLength(71);
    expect(await page("open", 1)).toEqual({ ids: open.slice(0, 25), hasMore: true });
    expect(await page("open", 2)).toEqual({ ids: open.slice(25, 50), hasMore: true });
    expect(await page("open", 3)).toEqual({ ids: open.slice(50), hasMore: false });
    expect(await page("open", 4)).toEqual({ ids: [], hasMore: false });
    // Oldest first: the same leads the other way round.
    expect((await page("open", 1, { column: "at", dir: "asc" })).ids).toEqual([...open].reverse().slice(0, 25));
  });

  it("lists every lead with `all`, each with its recovering payment and state", async () => {
    await seed();
    const all = newestFirst.map(name);
    expect(await page("all", 1)).toEqual({ ids: all.slice(0, 25), hasMore: true });
    expect(await page("all", 6)).toEqual({ ids: all.slice(125), hasMore: false });
    const rows = (await listLeadPage(db().db, RANGE, { filters: { status: "all" }, sort: { column: "at", dir: "desc" }, page: 6, size: 25, windowDays: 14 })).rows;
    // L004 … L000: recovered every 4th, L001 won, L003 lost.
    expect(rows.map((l) => [l.saleId, l.recovered?.saleId ?? null, l.state])).toEqual([
      ["L004", "PL004", "open"],
      ["L003", null, "lost"],
      ["L002", null, "open"],
      ["L001", null, "won"],
      ["L000", "PL000", "open"],
    ]);
  });

  it("sorts by amount, largest first", async () => {
    await seed();
    const byAmount = [...ids].sort((a, b) => amount(b) - amount(a)).map(name);
    expect((await page("all", 1, { column: "amount", dir: "desc" })).ids).toEqual(byAmount.slice(0, 25));
    const openByAmount = [...ids].filter((i) => !recovered(i) && !won(i) && !lost(i)).sort((a, b) => amount(a) - amount(b)).map(name);
    expect((await page("open", 1, { column: "amount", dir: "asc" })).ids).toEqual(openByAmount.slice(0, 25));
  });

  it("opens one lead by its id, attributed, and none for a sale that is not a lead", async () => {
    await seed();
    expect(await getLead(db().db, "L008", { windowDays: 14 })).toMatchObject({ saleId: "L008", recovered: { saleId: "PL008" }, state: "open", customerEmail: "c8@example.com" });
    expect(await getLead(db().db, "L015", { windowDays: 14 })).toMatchObject({ saleId: "L015", recovered: null, state: "contacted" });
    expect(await getLead(db().db, "PL008", { windowDays: 14 })).toBeNull();
    expect(await getLead(db().db, "nope", { windowDays: 14 })).toBeNull();
  });
});
