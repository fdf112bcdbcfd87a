// Control API isolation (only x-sim-token opens /__sim; it never opens /v1) and the fault profiles:
// 5xx, HTML bodies, slow answers, hangs, dropped sockets, 429 storms and schema drift.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, control, listOf, type RawJson } from "./helpers";

let sim: RunningSimulator;
const clock = new FakeClock();
beforeAll(async () => {
  sim = await startSimulator({ now: HISTORY_END, clock, rateLimit: 0, controlToken: "ctl_test_token" });
});
afterAll(() => sim.close());
beforeEach(() => sim.setFaults({}));

describe("control API", () => {
  it("is closed to the API key and to a wrong token; the token does not open /v1", async () => {
    const noToken = await fetch(`${sim.origin}/__sim/truth`, { headers: { Authorization: `Bearer ${sim.apiKey}` } });
    expect(noToken.status).toBe(401);
    expect((await control(sim, "GET", "/truth", undefined, "wrong")).status).toBe(401);
    expect((await control(sim, "GET", "/truth", undefined, sim.apiKey)).status).toBe(401);
    expect((await call(sim, "/store", { key: sim.controlToken })).status).toBe(401);
    const ok = await control(sim, "GET", "/truth");
    expect(ok.status).toBe(200);
    expect(ok.json.totalSales).toBe(sim.truth().totalSales);
    // /v1 is not reachable through the control prefix either.
    expect((await control(sim, "GET", "/v1/sales")).status).toBe(404);
  });

  it("advances the clock, which moves signed-URL expiries", async () => {
    const before = (await control(sim, "GET", "/clock")).json.now_ms;
    const r = await control(sim, "POST", "/clock/advance", { seconds: 3600 });
    expect(r.json.now_ms - before).toBe(3_600_000);
    const settled = listOf((await call(sim, "/sales?status=settled&per_page=100")).json).items;
    const withFiles = settled.find((s: RawJson) => s.post_purchase?.files?.length)!;
    const d1 = (await call(sim, `/sales/${withFiles.id}`)).json.data;
    await control(sim, "POST", "/clock/advance", { ms: 120_000 });
    const d2 = (await call(sim, `/sales/${withFiles.id}`)).json.data;
    const e1 = Date.parse(d1.post_purchase.files[0].expires_at);
    const e2 = Date.parse(d2.post_purchase.files[0].expires_at);
    expect(e2 - e1).toBe(120_000);
    expect(e1).toBe(Math.floor((clock.now() + 3_600_000) / 1000) * 1000 + 3_600_000); // offset + 1 h validity
    expect(d2.post_purchase.files[0].download_url).not.toBe(d1.post_purchase.files[0].download_url);
  });

  it("leaves a checkout made through the control API to the test: live activity never resolves it first", async () => {
    // The e2e journeys create a checkout, then complete it; a live tick in between used to resolve it (35 %
    // per tick) and the completion answered 409.
    const c = await control(sim, "POST", "/checkouts", {});
    for (let i = 0; i < 30; i++) expect((await control(sim, "POST", "/tick")).status).toBe(200);
    expect((await call(sim, `/sales/${c.json.sale.id}`)).json.data.status).toBe("awaiting_payment");
    expect((await control(sim, "POST", `/sales/${c.json.sale.id}/complete`)).status).toBeLessThan(300);
  });

  it("drives a sale through its lifecycle and refuses impossible transitions", async () => {
    const c = await control(sim, "POST", "/checkouts", { channel: "widget" });
    const id = c.json.sale.id;
    const t0 = sim.truth();
    expect((await call(sim, `/sales/${id}`)).json.data).toMatchObject({ status: "awaiting_payment", channel: { value: "widget" }, settlement: null });
    expect((await control(sim, "POST", `/sales/${id}/settle`)).status).toBe(409);
    expect((await control(sim, "POST", `/sales/${id}/complete`)).json.sale.status).toBe("completed");
    const d = (await call(sim, `/sales/${id}`)).json.data;
    expect(d.settlement.done_at).toBeNull();
    expect(d.payment.status).toBe("success");
    expect((await control(sim, "POST", `/sales/${id}/settle`)).json.sale.status).toBe("settled");
    expect((await call(sim, `/sales/${id}`)).json.data.settlement.done_at).not.toBeNull();
    expect((await control(sim, "POST", `/sales/${id}/fail`)).status).toBe(409);
    const t1 = sim.truth();
    expect(t1.byStatus.settled).toBe(t0.byStatus.settled + 1);
    expect(t1.byStatus.awaiting_payment).toBe(t0.byStatus.awaiting_payment - 1);
    expect((await control(sim, "POST", "/sales/sal_nope/complete")).status).toBe(404);
    const dl = await control(sim, "PUT", "/dialect", { dialect: "legacy" });
    expect(dl.json.dialect).toBe("legacy");
    expect(Array.isArray((await call(sim, "/sales")).json.data)).toBe(true);
    await control(sim, "PUT", "/dialect", { dialect: "current" });
  });

  it("switches payment.method between {id, name} and the bare id (chariow-api.md §5 allows both)", async () => {
    const id = listOf((await call(sim, "/sales?per_page=1")).json).items[0].id;
    const asObject = (await call(sim, `/sales/${id}`)).json.data.payment.method;
    expect(asObject).toEqual({ id: expect.any(String), name: expect.any(String) });
    try {
      expect((await control(sim, "PUT", "/payment-method", { as: "string" })).json).toEqual({ as: "string" });
      expect((await call(sim, `/sales/${id}`)).json.data.payment.method).toBe(asObject.id);
      expect((await control(sim, "PUT", "/payment-method", { as: "words" })).status).toBe(422);
      sim.setPaymentMethodAs("object");
      expect((await call(sim, `/sales/${id}`)).json.data.payment.method).toEqual(asObject);
    } finally {
      sim.setPaymentMethodAs("object");
    }
  });
});

describe("faults", () => {
  it("5xx JSON errors and HTML pages", async () => {
    sim.setFaults({ errorRate: 1 });
    const e = await call(sim, "/store");
    expect([500, 503]).toContain(e.status);
    expect(e.headers.get("x-ratelimit-limit")).not.toBeNull();
    const setViaControl = await control(sim, "PUT", "/faults", { htmlRate: 1 });
    expect(setViaControl.json.htmlRate).toBe(1);
    const h = await call(sim, "/store");
    expect([500, 502]).toContain(h.status);
    expect(h.headers.get("content-type")).toMatch(/text\/html/);
    expect(h.json).toBeNull();
    expect(h.text).toMatch(/<html>/);
  });

  it("a fractional rate misbehaves on roughly that share of requests, deterministically", async () => {
    sim.setFaults({ errorRate: 0.3, seed: 5 });
    const a: number[] = [];
    for (let i = 0; i < 40; i++) a.push((await call(sim, "/store")).status);
    sim.setFaults({ errorRate: 0.3, seed: 5 });
    const b: number[] = [];
    for (let i = 0; i < 40; i++) b.push((await call(sim, "/store")).status);
    expect(b).toEqual(a);
    const errors = a.filter((s) => s >= 500).length;
    expect(errors).toBeGreaterThan(3);
    expect(errors).toBeLessThan(25);
  });

  it("slow responses, hangs and dropped connections", async () => {
    sim.setFaults({ slowMs: 150 });
    const t0 = Date.now();
    expect((await call(sim, "/store")).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    sim.setFaults({ timeoutRate: 1 });
    await expect(fetch(`${sim.baseUrl}/store`, { headers: { Authorization: `Bearer ${sim.apiKey}` }, signal: AbortSignal.timeout(200) })).rejects.toThrow();
    sim.setFaults({ dropRate: 1 });
    await expect(fetch(`${sim.baseUrl}/store`, { headers: { Authorization: `Bearer ${sim.apiKey}` } })).rejects.toThrow();
    sim.setFaults({});
    expect((await call(sim, "/store")).status).toBe(200);
  });

  it("a 429 storm answers N consecutive 429s with Retry-After, then recovers", async () => {
    sim.setFaults({ storm429: 3, stormRetryAfter: 2 });
    for (let i = 0; i < 3; i++) {
      const r = await call(sim, "/sales");
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe("2");
      expect(r.json.message).toBe("Rate limit exceeded. Please retry after 2 seconds.");
    }
    expect((await call(sim, "/sales")).status).toBe(200);
  });

  it("schema drift adds unknown fields and removes optional ones", async () => {
    sim.setFaults({ drift: true });
    const r = await call(sim, "/sales?per_page=5");
    const s = listOf(r.json).items[0];
    expect(s.x_sim_new_field).toBe("drift");
    expect(s).not.toHaveProperty("created_at");
    expect(s.amount.raw).toBe(s.amount.value);
    expect(s.amount).not.toHaveProperty("short");
    sim.setFaults({ drift: { extraFields: true } });
    const s2 = listOf((await call(sim, "/sales?per_page=5")).json).items[0];
    expect(s2).toHaveProperty("created_at");
    expect(s2.meta).toBeDefined();
  });
});
