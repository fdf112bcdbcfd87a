// Why a payout date moved (issue 16), on both engines: the mirror's one write path keeps a sale's earlier
// `settlement.due_at` when Chariow moves it to another instant — once, not on the first insert, not on an
// unchanged re-read, not when a later read says nothing about the settlement — and the Payouts services say
// which payout the sales moved to and from which days. The simulator moves a due date the way Chariow would
// (POST /__sim/sales/{id}/settlement-due, no Pulse), and the real client reads it back.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, type ChariowClient } from "@/lib/chariow";
import { upsertSales } from "@/lib/mirror";
import { listPayoutMoves, listPayoutSales, listSettlements } from "@/lib/settlements";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { saleDetail, salePulse, saleSummary, type SaleFacts } from "../../factories/sales";
import { describeEachEngine } from "../db/engines";
import { FakeClock, HISTORY_END, call, control } from "../simulator/helpers";

const ZONE = "Europe/Paris";
const at = (minutes: number) => new Date(Date.UTC(2026, 3, 1, 12, minutes)).toISOString();
const paid = (id: string, o: Partial<SaleFacts>): SaleFacts => ({ id, status: "completed", currency: "XOF", originalMinor: 10_000, gatewayFeeMinor: 300, serviceFeeMinor: 500, settlementNetMinor: 9_200, createdAt: "2026-03-30T10:00:00Z", completedAt: "2026-03-30T10:05:00Z", ...o });

let sim: RunningSimulator;
let client: ChariowClient;
let pulses: { count: number; server: Server };

beforeAll(async () => {
  let count = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      count += 1;
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  pulses = { server, get count() { return count; } };
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pulses`;
  sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, sales: 200, pulse: { url, secret: "whsec_moves" } });
  const clock = createVirtualClock();
  client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler: createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }) }), clock });
});
afterAll(async () => {
  await sim?.close();
  await new Promise<void>((r) => pulses.server.close(() => r()));
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A new paid sale in the simulator, once its Pulse has arrived. */
async function completedSale(): Promise<string> {
  const received = pulses.count;
  const c = await control(sim, "POST", "/checkouts", {});
  await control(sim, "POST", `/sales/${c.json.sale.id}/complete`);
  for (let i = 0; i < 300 && pulses.count === received; i++) await pause(10);
  await pause(50); // a licence sale sends a second Pulse
  return c.json.sale.id as string;
}

describe("simulator: Chariow moves a payout's due date", () => {
  it("changes settlement.due_at and updated_at, sends no Pulse, and refuses what cannot move", async () => {
    const id = await completedSale();
    const before = (await call(sim, `/sales/${id}`)).json.data;
    const attempts = (await control(sim, "GET", "/pulses/attempts")).json.attempts.length;
    const received = pulses.count;
    const moved = new Date(Date.parse(before.settlement.due_at) + 2 * 86_400_000).toISOString();
    const r = await control(sim, "POST", `/sales/${id}/settlement-due`, { due_at: moved });
    expect(r.status).toBe(200);
    expect(r.json.sale).toMatchObject({ id, status: "completed", settlement_due_at: moved });
    const after = (await call(sim, `/sales/${id}`)).json.data;
    expect(Date.parse(after.settlement.due_at)).toBe(Date.parse(moved));
    expect(Date.parse(after.updated_at)).toBeGreaterThanOrEqual(Date.parse(before.updated_at));
    expect(after.settlement.amount).toEqual(before.settlement.amount);
    await pause(150);
    expect((await control(sim, "GET", "/pulses/attempts")).json.attempts.length).toBe(attempts);
    expect(pulses.count).toBe(received);

    const waiting = (await control(sim, "POST", "/checkouts", {})).json.sale.id;
    expect((await control(sim, "POST", `/sales/${waiting}/settlement-due`, { due_at: moved })).status).toBe(409);
    expect((await control(sim, "POST", `/sales/${id}/settlement-due`, { due_at: "next tuesday" })).status).toBe(422);
    expect((await control(sim, "POST", "/sales/sal_nope/settlement-due", { due_at: moved })).status).toBe(404);
  });
});

describeEachEngine("payout date moves", ({ db }) => {
  const history = () => db().db.selectFrom("sale_settlement_due_history").select(["sale_id", "previous_due_at", "new_due_at", "changed_at"]).orderBy("id").execute();
  const put = (sales: Parameters<typeof upsertSales>[1], n: number, source: "detail" | "list" | "pulse" = "detail") => upsertSales(db().db, sales, { source, receivedAt: at(n), timeZone: ZONE });

  it("keeps the earlier due date once, when a known one changes; nothing on insert, replay, or a read without it", async () => {
    await put([saleSummary(paid("s1", {}))], 0, "list"); // settlement not known yet
    await put([saleDetail(paid("s1", { settlementDueAt: "2026-04-02T09:00:00Z", updatedAt: "2026-03-30T10:05:00Z" }))], 1); // first known: no move
    await put([saleDetail(paid("s1", { settlementDueAt: "2026-04-02T09:00:00Z", updatedAt: "2026-03-30T10:05:00Z" }))], 2); // replay
    expect(await history()).toEqual([]);
    await put([saleDetail(paid("s1", { settlementDueAt: "2026-04-04T09:00:00Z", updatedAt: "2026-04-01T08:00:00Z" }))], 3);
    const once = [{ sale_id: "s1", previous_due_at: "2026-04-02T09:00:00Z", new_due_at: "2026-04-04T09:00:00Z", changed_at: at(3) }];
    expect(await history()).toEqual(once);
    // The same data again, by every path (detail, Pulse, a list summary without settlement): no new row.
    await put([saleDetail(paid("s1", { settlementDueAt: "2026-04-04T09:00:00Z", updatedAt: "2026-04-01T08:00:00Z" }))], 4);
    await put([salePulse(paid("s1", { settlementDueAt: "2026-04-04T09:00:00Z", updatedAt: "2026-04-01T08:00:00Z" }))], 5, "pulse");
    await put([saleSummary(paid("s1", { updatedAt: "2026-04-01T08:00:00Z" }))], 6, "list");
    // An older version arriving late is ignored: the date does not move back.
    await put([saleDetail(paid("s1", { settlementDueAt: "2026-04-02T09:00:00Z", updatedAt: "2026-03-30T10:05:00Z" }))], 7);
    // The same instant written another way is no move.
    await put([saleDetail(paid("s1", { settlementDueAt: "2026-04-04T09:00:00.000Z", updatedAt: "2026-04-01T08:00:00Z" }))], 8);
    expect(await history()).toEqual(once);
  });

  it("says which payout the sales moved to and from which days", async () => {
    await put(
      [
        paid("a", { settlementDueAt: "2026-04-02T09:00:00Z" }),
        paid("b", { settlementDueAt: "2026-04-03T09:00:00Z" }),
        paid("c", { settlementDueAt: "2026-04-06T09:00:00Z" }), // never moves
        paid("d", { settlementDueAt: "2026-04-06T07:00:00Z" }), // moves within its day: no move for the merchant
        paid("e", { settlementDueAt: "2026-04-01T09:00:00Z", currency: "EUR", originalMinor: 7_920, settlementNetMinor: 7_287 }),
      ].map(saleDetail),
      0,
    );
    await put(
      [
        paid("a", { settlementDueAt: "2026-04-06T09:00:00Z", updatedAt: "2026-04-01T08:00:00Z" }),
        paid("b", { settlementDueAt: "2026-04-05T09:00:00Z", updatedAt: "2026-04-01T08:00:00Z" }),
        paid("d", { settlementDueAt: "2026-04-06T15:00:00Z", updatedAt: "2026-04-01T08:00:00Z" }),
        paid("e", { settlementDueAt: "2026-04-06T09:00:00Z", updatedAt: "2026-04-01T08:00:00Z", currency: "EUR", originalMinor: 7_920, settlementNetMinor: 7_287 }),
      ].map(saleDetail),
      1,
    );
    // b moves again, from the 5th to the 6th: its last move says where it came from.
    await put([saleDetail(paid("b", { settlementDueAt: "2026-04-06T10:00:00Z", updatedAt: "2026-04-01T09:00:00Z" }))], 2);
    const moves = await listPayoutMoves(db().db, [{ from: "2026-04-01", to: "2026-04-10" }], ZONE);
    expect([...moves.entries()].sort()).toEqual([
      ["EUR-2026-04-06", { currency: "EUR", toDay: "2026-04-06", fromDays: ["2026-04-01"], movedCount: 1 }],
      ["XOF-2026-04-06", { currency: "XOF", toDay: "2026-04-06", fromDays: ["2026-04-02", "2026-04-05"], movedCount: 2 }],
    ]);
    // The timeline's own payout of that day holds the four XOF sales (a, b, c, d): 2 of them moved.
    const timeline = await listSettlements(db().db, { from: "2026-04-06", to: "2026-04-06" }, ZONE, new Date(at(0)));
    expect(timeline.groups.find((g) => g.currency === "XOF")?.salesCount).toBe(4);
    // Outside the range asked: nothing.
    expect((await listPayoutMoves(db().db, [{ from: "2026-04-07", to: "2026-04-30" }], ZONE)).size).toBe(0);
    // The drill-down says each sale's earlier due instant.
    const sales = await listPayoutSales(db().db, { currency: "XOF", dueDay: "2026-04-06" }, ZONE, new Date(at(0)));
    expect(Object.fromEntries(sales.map((s) => [s.id, s.movedFromDueAt]))).toEqual({ a: "2026-04-02T09:00:00Z", b: "2026-04-05T09:00:00Z", c: null, d: null });
  });

  it("records a move read back from the simulator once, and the payout it moved to says so", async () => {
    const id = await completedSale();
    const first = await client.getSale(id);
    await upsertSales(db().db, [first], { source: "detail", receivedAt: at(0), timeZone: ZONE });
    const dueBefore = first.settlement!.dueAt!;
    const dueAfter = new Date(Date.parse(dueBefore) + 3 * 86_400_000).toISOString();
    expect((await control(sim, "POST", `/sales/${id}/settlement-due`, { due_at: dueAfter })).status).toBe(200);
    // Re-read twice (a refresh, then enrichment reading it again): one history row.
    for (const n of [1, 2]) await upsertSales(db().db, [await client.getSale(id)], { source: "detail", receivedAt: at(n), timeZone: ZONE });
    const rows = await history();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sale_id: id, changed_at: at(1) });
    expect(Date.parse(rows[0]!.previous_due_at)).toBe(Date.parse(dueBefore));
    expect(Date.parse(rows[0]!.new_due_at)).toBe(Date.parse(dueAfter));

    const currency = first.amount!.currency;
    const day = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
    const moves = await listPayoutMoves(db().db, [{ from: day(dueBefore), to: day(dueAfter) }], ZONE);
    expect([...moves.values()]).toEqual([{ currency, toDay: day(dueAfter), fromDays: [day(dueBefore)], movedCount: 1 }]);
  });
});
