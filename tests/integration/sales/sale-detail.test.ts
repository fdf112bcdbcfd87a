// The sale detail: live from the simulator at interactive priority (the answer refreshes the mirror),
// and the mirror with a notice when the simulator fails (fault injection), the API budget is spent, or no
// key is configured.
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { createChariowClient, createMemoryBudgetStore, createScheduler, createVirtualClock, type ChariowClient } from "@/lib/chariow";
import { upsertSales } from "@/lib/mirror";
import { getSaleDetail } from "@/lib/sales";
import { describeEachEngine } from "../db/engines";
import { call, listOf, type RawJson } from "../simulator/helpers";

const NOW = new Date("2026-06-01T00:00:00Z");
const TZ = "UTC";
let sim: RunningSimulator;
let client: ChariowClient;
let paidWithSettlement: RawJson;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5, dialect: "current", rateLimit: 0, sales: 200, now: NOW });
  const clock = createVirtualClock();
  // Few, fast retries: a failing upstream must turn into the mirror fallback within the test's time.
  const scheduler = createScheduler({ clock, store: createMemoryBudgetStore({ assumedLimit: 100_000 }), maxAttempts: 2, backoffBaseMs: 5, backoffMaxMs: 10 });
  client = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler, clock, timeoutMs: 2_000 });
  const list = listOf((await call(sim, "/sales?per_page=100&status=settled")).json).items;
  paidWithSettlement = list[0];
});
afterEach(() => sim.setFaults({}));
afterAll(async () => sim?.close());

describeEachEngine("sale detail", ({ db }) => {
  it("reads the sale live, shows its settlement and fees, and refreshes the mirror", async () => {
    const id = paidWithSettlement.id as string;
    const direct = (await call(sim, `/sales/${id}`)).json.data;
    const result = await getSaleDetail(db().db, id, { client, timeZone: TZ, now: () => NOW });
    expect(result?.source).toBe("live");
    expect(result?.notice).toBeNull();
    const sale = result!.sale;
    expect(sale.status).toBe("settled");
    expect(sale.channel).toBe(direct.channel.value);
    expect(sale.amounts.paid).toEqual({ minor: Math.round(direct.amount.value * (direct.amount.currency === "XOF" || direct.amount.currency === "XAF" ? 1 : 100)), currency: direct.amount.currency });
    expect(sale.settlement?.doneAt).not.toBeNull();
    expect(sale.payment.gateway).toBe(direct.payment.gateway);
    expect(sale.customer?.id).toBe(direct.customer.id);
    const row = await db().db.selectFrom("sales").select(["detail_at", "channel", "settlement_net"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.detail_at).toBe(NOW.toISOString());
    expect(row.channel).toBe(direct.channel.value);
    expect(row.settlement_net).not.toBeNull();
  });

  it("falls back to the mirror with a notice when Chariow fails", async () => {
    const id = paidWithSettlement.id as string;
    await getSaleDetail(db().db, id, { client, timeZone: TZ, now: () => NOW }); // the mirror now has the detail
    sim.setFaults({ errorRate: 1 });
    const result = await getSaleDetail(db().db, id, { client, timeZone: TZ });
    expect(result?.source).toBe("mirror");
    expect(result?.notice).toBe("upstream_unavailable");
    expect(result?.sale.status).toBe("settled");
    expect(result?.sale.settlement?.net).not.toBeNull();
    // Signed download links are never served from the mirror (chariow-api.md §5).
    expect(result?.sale.postPurchase?.files ?? []).toEqual([]);
  });

  it("with the API budget spent (the sync used it), answers from the mirror at once without sending a request", async () => {
    const id = paidWithSettlement.id as string;
    await getSaleDetail(db().db, id, { client, timeZone: TZ, now: () => NOW }); // the mirror now has the detail
    const clock = createVirtualClock();
    const store = createMemoryBudgetStore();
    await store.block(clock.now() + 45_000); // e.g. after a 429 saying "retry in 45 s"
    const spent = createChariowClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, scheduler: createScheduler({ clock, store }), clock, timeoutMs: 2_000 });
    const [before, t0] = [sim.requestCount(), clock.now()];
    const result = await getSaleDetail(db().db, id, { client: spent, timeZone: TZ });
    expect(result).toMatchObject({ source: "mirror", notice: "upstream_unavailable" });
    expect(clock.now()).toBe(t0); // no virtual time spent waiting either
    expect(sim.requestCount()).toBe(before);
  });

  it("falls back on an HTML error page too, and answers null for a sale nobody knows", async () => {
    sim.setFaults({ htmlRate: 1 });
    expect(await getSaleDetail(db().db, "sal_unknown", { client, timeZone: TZ })).toBeNull();
  });

  it("uses the mirror when no key is configured, and 404s upstream fall back with their own notice", async () => {
    const list = listOf((await call(sim, "/sales?per_page=5&status=failed")).json).items;
    const clientSale = await client.listSales({ per_page: 5, status: "failed" });
    await upsertSales(db().db, clientSale.items, { source: "list", receivedAt: NOW.toISOString(), timeZone: TZ });
    const offline = await getSaleDetail(db().db, list[0].id, { client: null, timeZone: TZ });
    expect(offline?.notice).toBe("not_connected");
    expect(offline?.sale.payment.failure?.code).toBe(list[0].payment.failure_error.code);
    // A sale the mirror has but Chariow no longer knows: shown from the mirror, said so.
    await db().db.updateTable("sales").set({ id: "sal_gone" }).where("id", "=", list[1].id).execute();
    const gone = await getSaleDetail(db().db, "sal_gone", { client, timeZone: TZ });
    expect(gone?.source).toBe("mirror");
    expect(gone?.notice).toBe("not_found_upstream");
  });
});
