// Returning buyers in the simulator (issue 16): failed mobile-money payments come back far more often than
// declined cards and abandoned carts, the same customer buying the same product minutes to days later —
// in the generated history and in live mode, deterministic from the seed — and the recovery truth
// (`recoveryTruth`, GET /__sim/truth/recovery) that tests compare the dashboard with.
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../../simulator/index";
import { FakeClock, HISTORY_END, call, control } from "./helpers";

const DAY = 86_400_000;
let sims: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});
async function start(opts: Parameters<typeof startSimulator>[0] = {}) {
  const s = await startSimulator({ now: HISTORY_END, rateLimit: 0, ...opts });
  sims.push(s);
  return s;
}
const share = (r: { leads: number; retried: number } | undefined) => (r && r.leads > 0 ? r.retried / r.leads : 0);
const range30 = { fromSec: HISTORY_END.getTime() / 1000 - 29 * 86_400, toSec: HISTORY_END.getTime() / 1000 + 86_400, windowDays: 14 };

describe("returning buyers in the generated history", () => {
  it("insufficient funds come back most, declines and abandoned carts least", async () => {
    const sim = await start({ sales: 6000 });
    const rb = sim.truth().returningBuyers;
    const by = rb.byReason;
    expect(share(by.insufficient_funds)).toBeGreaterThan(0.55);
    expect(share(by.insufficient_funds)).toBeGreaterThan(share(by.card_declined) + 0.3);
    expect(share(by.card_declined)).toBeLessThan(0.35);
    expect(share(by.abandoned)).toBeGreaterThan(0.12);
    expect(share(by.abandoned)).toBeLessThan(0.28);
    const failed = Object.entries(by).filter(([k]) => k !== "abandoned").reduce((n, [, r]) => ({ leads: n.leads + r.leads, retried: n.retried + r.retried }), { leads: 0, retried: 0 });
    expect(share(failed)).toBeGreaterThan(share(by.abandoned) * 2);
    expect(rb.retries).toBeGreaterThanOrEqual(rb.retried);
    // Most returning buyers pay; some fail again.
    expect(rb.paidRetries / rb.retries).toBeGreaterThan(0.75);
    expect(rb.paidRetries).toBeLessThan(rb.retries);
  });

  it("a recovered lead's payment is the same customer and product, minutes to days after the failure (checked through the API)", async () => {
    const sim = await start();
    const truth = sim.recoveryTruth({ fromSec: 0, toSec: HISTORY_END.getTime() / 1000, windowDays: 14 });
    const recoveries = Object.entries(truth.recoveries);
    expect(recoveries.length).toBeGreaterThan(100);
    expect(truth.byLink).toBe(0);
    const delaysH: number[] = [];
    for (const [leadId, { saleId, by }] of recoveries.slice(0, 60)) {
      expect(by).toBe("window");
      const lead = (await call(sim, `/sales/${leadId}`)).json.data;
      const paid = (await call(sim, `/sales/${saleId}`)).json.data;
      expect(["failed", "abandoned"]).toContain(lead.status);
      expect(["completed", "settled"]).toContain(paid.status);
      expect(paid.customer.id).toBe(lead.customer.id);
      expect(paid.product.id).toBe(lead.product.id);
      const h = (Date.parse(paid.completed_at) - Date.parse(lead.failed_at ?? lead.abandoned_at)) / 3_600_000;
      expect(h).toBeGreaterThan(0);
      expect(h).toBeLessThanOrEqual(14 * 24);
      delaysH.push(h);
    }
    expect(delaysH.some((h) => h < 1)).toBe(true);
    expect(delaysH.some((h) => h > 24)).toBe(true);
  });

  it("the share holds on a 30-day stretch, not only over the whole history", async () => {
    const sim = await start();
    const t = sim.recoveryTruth(range30);
    expect(t.leads).toBeGreaterThan(50);
    expect(t.recovered / t.leads).toBeGreaterThan(0.15);
    expect(t.recovered / t.leads).toBeLessThan(0.4);
  });

  it("is deterministic from the seed, and GET /__sim/truth/recovery says the same as recoveryTruth()", async () => {
    const [a, b, c] = [await start({ seed: 42 }), await start({ seed: 42 }), await start({ seed: 43 })];
    expect(a.truth().returningBuyers).toEqual(b.truth().returningBuyers);
    expect(a.recoveryTruth(range30)).toEqual(b.recoveryTruth(range30));
    expect(a.truth().returningBuyers).not.toEqual(c.truth().returningBuyers);
    const from = new Date(range30.fromSec * 1000).toISOString();
    const to = new Date(range30.toSec * 1000).toISOString();
    const viaControl = await control(a, "GET", `/truth/recovery?from=${from}&to=${to}&window_days=14`);
    expect(viaControl.json).toEqual(a.recoveryTruth(range30));
    expect((await control(a, "GET", "/truth/recovery?from=x&to=y")).status).toBe(422);
  });
});

describe("returning buyers in live mode", () => {
  it("customers whose live payment failed come back for the same product, and it is the same on every run", async () => {
    const run = async () => {
      const clock = new FakeClock();
      const sim = await start({ clock });
      const before = sim.truth().returningBuyers;
      for (let k = 0; k < 240; k++) {
        clock.advance(3600_000);
        await control(sim, "POST", "/tick");
      }
      const after = sim.truth().returningBuyers;
      const live = sim.recoveryTruth({ fromSec: HISTORY_END.getTime() / 1000 + 3600, toSec: clock.now() / 1000 + 1, windowDays: 14 });
      return { sim, before, after, live };
    };
    const first = await run();
    expect(first.after.retries).toBeGreaterThan(first.before.retries + 10);
    expect(first.after.paidRetries).toBeGreaterThan(first.before.paidRetries + 5);
    expect(first.live.leads).toBeGreaterThan(20);
    expect(first.live.retried).toBeGreaterThan(5);
    expect(first.live.byWindow).toBeGreaterThan(5);
    for (const [leadId, { saleId }] of Object.entries(first.live.recoveries).slice(0, 10)) {
      const lead = (await call(first.sim, `/sales/${leadId}`)).json.data;
      const paid = (await call(first.sim, `/sales/${saleId}`)).json.data;
      expect([paid.customer.id, paid.product.id]).toEqual([lead.customer.id, lead.product.id]);
    }
    const second = await run();
    expect(second.after).toEqual(first.after);
    expect(second.live).toEqual(first.live);
  });

  it("a paid checkout naming a lead in custom_metadata.lead_id recovers it by link, even long after the window", async () => {
    const clock = new FakeClock();
    const sim = await start({ clock });
    const t0 = sim.recoveryTruth(range30);
    const unrecovered = (await call(sim, "/sales?status=failed&per_page=100")).json.data.data.find((s: { id: string }) => !t0.recoveries[s.id]);
    clock.advance(40 * DAY);
    const created = await call(sim, "/checkout", {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ product_id: "prd_9xw1bc5tz4", email: "someone.else@example.com", first_name: "S", last_name: "E", custom_metadata: { lead_id: unrecovered.id } }),
    });
    const fromSec = Date.parse(unrecovered.created_at) / 1000;
    const range = { fromSec, toSec: fromSec + 1, windowDays: 14 };
    expect(sim.recoveryTruth(range).recoveries[unrecovered.id]).toBeUndefined(); // not paid yet
    await control(sim, "POST", "/checkout/pay", { url: created.json.data.payment.checkout_url });
    expect(sim.recoveryTruth(range).recoveries[unrecovered.id]).toEqual({ saleId: created.json.data.purchase.id, by: "link" });
    expect(sim.recoveryTruth(range).byLink).toBe(1);
  });
});
