// The simulator's real Pulse sender (signs like Chariow, PHP escaping, retries) against the endpoint's
// logic served over HTTP: sale and licence events are verified, stored and processed; a Pulse signed
// with another secret is refused (401) on every retry and shows in the log; test deliveries are logged.
import { afterEach, expect, it } from "vitest";
import { createPulseQueue, listPulseLog, pulseLogSummary, receivePulse } from "@/lib/pulses";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { describeEachEngine } from "../db/engines";
import { FakeClock, HISTORY_END, control } from "../simulator/helpers";
import { recordingSink, startPulseEndpoint, until } from "./helpers";

const SECRET = "whsec_sim_pulses";
let sim: RunningSimulator | null = null;
let endpoint: { url: string; close(): Promise<void> } | null = null;

afterEach(async () => {
  await sim?.close();
  await endpoint?.close();
  sim = null;
  endpoint = null;
});

describeEachEngine("Pulses from the simulator", ({ db }) => {
  async function setUp(appSecret: string) {
    const sink = recordingSink();
    const queue = createPulseQueue({ db: async () => db().db, sink: async () => sink });
    endpoint = await startPulseEndpoint((req) => receivePulse(req, { db: db().db, secrets: { pulse_demo: appSecret }, onAccepted: queue.enqueue }));
    sim = await startSimulator({ now: HISTORY_END, clock: new FakeClock(), rateLimit: 0, pulse: { url: endpoint.url, secret: SECRET, retryDelaysMs: [20, 20, 20, 20] } });
    return { sink, queue, sim };
  }

  it("a completed licence sale and a failed sale are verified, processed once each, with the recovery link", async () => {
    const { sink, queue, sim } = await setUp(SECRET);
    const a = await control(sim, "POST", "/checkouts", { product_id: "prd_8ne3wd7gs2" }); // licence product, French name
    const b = await control(sim, "POST", "/checkouts", {});
    await control(sim, "POST", `/sales/${a.json.sale.id}/complete`);
    await control(sim, "POST", `/sales/${b.json.sale.id}/fail`, { code: "insufficient_funds" });
    await until(async () => (await db().db.selectFrom("pulse_deliveries").select("id").execute()).length >= 3);
    await queue.idle();
    expect(sink.sales.map((s) => [s.sale.id, s.sale.status])).toEqual(
      expect.arrayContaining([
        [a.json.sale.id, "completed"],
        [b.json.sale.id, "failed"],
      ]),
    );
    expect(sink.sales.find((s) => s.sale.id === b.json.sale.id)?.checkoutUrl).toMatch(/\/checkout\/.+email=/);
    expect(sink.licences.map((l) => l.saleId)).toEqual([a.json.sale.id]);
    const log = await listPulseLog(db().db, { limit: 10 });
    expect(log.map((e) => e.status).sort()).toEqual(["processed", "processed", "processed"]);
    expect(log.every((e) => e.pulseId === "pulse_demo" && e.deliveryId?.startsWith("pdlv_"))).toBe(true);
  });

  it("a test delivery is logged as a test", async () => {
    const { sink, sim } = await setUp(SECRET);
    expect((await control(sim, "POST", "/pulses/test")).status).toBeLessThan(300);
    const [entry] = await listPulseLog(db().db, { limit: 5 });
    expect(entry).toMatchObject({ status: "test", deliveryId: null });
    expect(sink.sales).toEqual([]);
  });

  it("with the wrong secret configured, every attempt is refused, nothing is stored, and the failures show", async () => {
    const { sink, sim } = await setUp("whsec_not_the_one");
    const c = await control(sim, "POST", "/checkouts", {});
    await control(sim, "POST", `/sales/${c.json.sale.id}/abandon`);
    await until(async () => (await pulseLogSummary(db().db)).rejectedLast24h >= 5);
    const attempts = await control(sim, "GET", "/pulses/attempts");
    expect(attempts.json.attempts.map((x: { status: number }) => x.status)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts.json.status).toBe("disabled"); // what Chariow does after 5 failures
    // Unverifiable, so not counted as failures, but the Settings page says a wrong secret would explain them.
    expect(await pulseLogSummary(db().db)).toMatchObject({ failuresLast24h: 0, rejectedLast24h: 5, refusedSinceAccepted: 5 });
    expect(await db().db.selectFrom("pulse_deliveries").selectAll().execute()).toEqual([]);
    expect(sink.sales).toEqual([]);
    const log = await listPulseLog(db().db, { limit: 10 });
    expect(log.every((e) => e.status === "rejected" && e.detail === "mismatch" && e.event === "abandoned.sale")).toBe(true);
  });
});
